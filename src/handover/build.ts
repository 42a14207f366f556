// Placeholder replaced in the next commit by the lead: the build pipeline (archive → extract → analysts → resume-prompt.md).
import type { HandoverData } from '../shared/handoverData.js';

export interface BuildOptions {
  logPath: string;
  workspace: string;
  home: string;
  analyzer?: 'offline' | 'anthropic';
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface BuildResult {
  dir: string;
  promptPath: string;
  data: HandoverData;
}

export async function buildHandover(_options: BuildOptions): Promise<BuildResult> {
  throw new Error('buildHandover is being written');
}
