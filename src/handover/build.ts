// The build pipeline: archive the raw log, reduce it, run the analysts over the archived copy, and
// write the handover (extract.md, handover.json, signature.json, then resume-prompt.md last, so a
// watcher that sees resume-prompt.md sees a complete, signed handover).
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
import type { OfflineAnalysis } from '../analysis/offline.js';
import { analyzeSession, feedSession, type SessionFeed } from '../analysis/session.js';
import { oneLine } from '../analysis/text.js';
import { describeProblems, LogInputError } from '../transcript/reader.js';
import {
  HANDOVER_DIR,
  HANDOVER_FILES,
  HANDOVER_SCHEMA_VERSION,
  type AgentKind,
  type AnalystUsage,
  type Finding,
  type HandoverData,
  type HandoverTrigger,
} from '../shared/handoverData.js';
import { ArchiveError, archiveLog, ReadAlongError } from './archive.js';
import { redactDeep, redactSecrets } from '../util/redact.js';
import { budgetTokensFor, DEFAULT_BUDGET, estimateTokens, renderResumePrompt, type PromptBudget } from './resumePrompt.js';
import { linkChain } from './chain.js';
import { missingSummaries, readSavedSummaries } from './savedSummaries.js';
import { CARRIED_BUDGET_SHARE, insertCarriedSection, renderCarriedSection } from './chainPrompt.js';
import { readSessionIdentity } from './sessionIdentity.js';
import { isSeedPrompt } from './seedPrompt.js';
import { retrievalInstructions, type RetrievalMode } from './retrievalInstructions.js';
import { signHandover, SigningKeyError, verifyHandover } from './sign.js';
import { describeFsError } from '../util/fsErrors.js';

export type AnalyzerKind = 'offline' | 'anthropic';

/** The model analysts, injected so the offline build never loads the API client. */
export type ModelAnalyzer = (input: {
  logPath: string;
  extractMarkdown: string;
  offline: OfflineAnalysis;
  env: NodeJS.ProcessEnv;
}) => Promise<{ findings: Finding[]; usage: AnalystUsage[] }>;

export interface BuildOptions {
  logPath: string;
  workspace: string;
  home: string;
  analyzer?: AnalyzerKind;
  /** Required when analyzer is 'anthropic'. */
  modelAnalyzer?: ModelAnalyzer;
  budget?: Partial<PromptBudget>;
  /** What started this build, recorded in handover.json (the sidebar and the extension read it). */
  trigger?: HandoverTrigger;
  /** How the resumed agent will look things up (its MCP tools or the CLI), given the log's agent. */
  retrievalFor?: (agent: AgentKind) => RetrievalMode;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface BuildResult {
  dir: string;
  promptPath: string;
  data: HandoverData;
  /** What the reader skipped in the log (one line), for the caller to show; undefined when nothing was. */
  logProblems?: string;
}

/** A failure with a message fit for one line on stderr. */
export class BuildError extends Error {}

/**
 * A bug or an unexpected failure inside one stage of the build (not the user's input, not the disk):
 * it names the stage and where the archived copy of the log is, which stays in place.
 */
export class BuildStageError extends Error {
  constructor(
    readonly stage: string,
    readonly cause: unknown,
    readonly archivedLog?: string,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(`internal error while ${stage}: ${why}${archivedLog ? ` (the log is archived at ${archivedLog})` : ''}`);
  }
}

/** Runs one stage; failures that are not already explained (bad input, disk) are named by the stage. */
async function stage<T>(name: string, archivedLog: string | undefined, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BuildError || error instanceof LogInputError || error instanceof BuildStageError) throw error;
    throw new BuildStageError(name, error, archivedLog);
  }
}

export async function buildHandover(options: BuildOptions): Promise<BuildResult> {
  const now = options.now ?? (() => new Date());
  const logPath = resolve(options.logPath);
  const workspace = resolve(options.workspace);
  await requireFile(logPath);
  await requireDirectory(workspace);

  const identity = await readSessionIdentity(logPath);
  if (!identity) throw new BuildError(`${logPath} is not a Claude Code or Codex session log (no session id in its first records)`);

  // The analysts read the archived copy: citations then point at lines that never change. One pass
  // over it yields the extract, the offline analysis and the modified files together, and that pass is
  // the archive's own copy: the analysts see each chunk as it is written (exactly the archived bytes).
  let feed: SessionFeed | undefined;
  const archived = await archiveLog(logPath, options.home, identity.sessionId, {
    readAlong: (archiveDir) => {
      feed = feedSession(join(archiveDir, basename(logPath)), { workspace });
      return (chunk) => feed!.push(chunk);
    },
  }).catch((error: Error) => {
    if (error instanceof ReadAlongError) throw new BuildStageError('analysing the log', error.cause);
    throw new BuildError(error instanceof ArchiveError ? error.message : `cannot archive the log into ${options.home}: ${error.message}`);
  });

  const at = archived.archivedLog;
  const {
    analysis: offline,
    modified,
    uncommitted,
    extract,
  } = await stage('analysing the log', at, () => (archived.readAlong && feed ? feed.finish() : analyzeSession(at, { workspace })));

  let findings = offline.findings;
  let usage: AnalystUsage[] | undefined;
  if (options.analyzer === 'anthropic') {
    if (!options.modelAnalyzer) throw new BuildError('the anthropic analyzer is not available in this build');
    const result = await stage('running the model analysts', at, () =>
      options.modelAnalyzer!({ logPath: archived.archivedLog, extractMarkdown: redactSecrets(extract.markdown), offline, env: options.env ?? process.env }),
    );
    // The model analysts cover decisions, errors and rejected approaches; what the log states outright
    // (the user's refusals) stays as read. An error's status is the log's, not the model's guess.
    findings = [...settleErrorStatus(result.findings, offline), ...offline.findings.filter((f) => !MODEL_ANALYSTS.has(f.analyst))];
    usage = result.usage;
  }

  const savedSummaries = await readSavedSummaries(options.home, identity.sessionId);
  // Chains: the handover this session was started from, and what it left open (see chain.ts).
  const chain = await stage('linking the chain', at, () =>
    linkChain({ sessionId: identity.sessionId, agent: identity.agent, archivedLog: at, workspace, home: options.home, openTasks: offline.openTasks, findings }),
  );

  const data: HandoverData = await stage('assembling handover.json', at, () =>
    redactDeep({
      schema: HANDOVER_SCHEMA_VERSION,
      sessionId: identity.sessionId,
      agent: identity.agent,
      createdAt: now().toISOString(),
      workspace,
      log: { source: logPath, archived: archived.archivedLog, sha256: archived.sha256, bytes: archived.bytes, lines: offline.lines },
      summary: {
        lastUserRequest: offline.lastUserRequest?.text,
        // Plus what PostCompact handed over that the log does not hold (savedSummaries.ts).
        compactionSummaries: [
          ...offline.compactionSummaries.map((s) => s.text),
          ...missingSummaries(
            offline.compactionSummaries.map((s) => s.text),
            savedSummaries,
          ),
        ],
        compactionSummaryLines: offline.compactionSummaries.map((s) => s.citation.line),
        text: narrative(identity.agent, offline, findings, modified.files.length),
        gitBranch: offline.gitBranch,
        firstTimestamp: offline.firstTimestamp,
        lastTimestamp: offline.lastTimestamp,
      },
      conversation: offline.conversation,
      status: { checks: offline.checks, uncommitted, ...(offline.stopped ? { stopped: offline.stopped } : {}) },
      timeline: offline.timeline.map((t) => ({ ...t, files: t.files.map((f) => underSession(offline.cwd, f)) })),
      reasoning: offline.reasoning,
      findings,
      commands: offline.commands,
      numbers: offline.numbers,
      constraints: offline.constraints,
      modifiedFiles: modified.files.map((f) => ({
        ...f,
        path: underSession(offline.cwd, f.path),
        ...(f.from ? { from: underSession(offline.cwd, f.from) } : {}),
      })),
      unexplainedGitChanges: modified.unexplainedGitChanges,
      openTasks: offline.openTasks,
      stats: { logBytes: archived.bytes, extractBytes: 0, promptBytes: 0, compactions: offline.compactions, droppedByBudget: 0 },
      analysis: { analyzer: options.analyzer ?? 'offline', usage },
      ...chain,
      ...(options.trigger ? { trigger: options.trigger } : {}),
    } satisfies HandoverData),
  );

  const { extractMarkdown, prompt } = await stage('writing resume-prompt.md', at, () => {
    const extractMarkdown = redactSecrets(extract.markdown);
    const retrieval = options.retrievalFor?.(identity.agent) ?? 'cli';
    return { extractMarkdown, prompt: renderPromptOf(data, Buffer.byteLength(extractMarkdown), retrieval, options.budget) };
  });

  const dir = join(workspace, HANDOVER_DIR, identity.sessionId);
  await writeHandoverFiles(workspace, dir, options.home, {
    [HANDOVER_FILES.extract]: extractMarkdown,
    [HANDOVER_FILES.data]: JSON.stringify(data, null, 2) + '\n',
    [HANDOVER_FILES.prompt]: prompt,
  });
  return { dir, promptPath: join(dir, HANDOVER_FILES.prompt), data, logProblems: describeProblems(extract.read.problems) };
}

/** resume-prompt.md for `data` (settling the byte counts it reports in data.stats). */
function renderPromptOf(data: HandoverData, extractBytes: number, retrieval: RetrievalMode, budgetOptions?: Partial<PromptBudget>): string {
  const budget = budgetTokensFor(data.log.bytes, { ...DEFAULT_BUDGET, ...budgetOptions });
  // The carried section takes its share first; the session's own sections get the rest.
  const carried = renderCarriedSection(data, Math.floor(budget * CARRIED_BUDGET_SHARE));
  if (data.carried) data.carried.droppedByBudget = carried.dropped;
  // Rendered once: the prompt never reads data.stats, so the figures it settles cannot change it.
  const rendered = renderResumePrompt(data, budget - carried.tokens, retrieval);
  data.stats = { ...data.stats, extractBytes, droppedByBudget: rendered.droppedByBudget + carried.dropped, budgetTokens: budget, leftOut: rendered.leftOut };
  const prompt = insertCarriedSection(rendered.markdown, carried.markdown);
  data.stats.promptBytes = Buffer.byteLength(prompt);
  data.stats.promptTokens = estimateTokens(prompt);
  return redactSecrets(prompt);
}

/**
 * Adds a compaction summary (PostCompact's) to an existing, verified handover without rebuilding it:
 * the analysts are not run again (with the model analysts that would be paid for twice). The prompt is
 * re-rendered from handover.json and everything is signed again. False when it does not verify.
 */
export async function addCompactionSummary(dir: string, home: string, summary: string): Promise<boolean> {
  const verdict = await verifyHandover(dir, home);
  if (!verdict.ok) return false;
  const data = JSON.parse(await readFile(join(dir, HANDOVER_FILES.data), 'utf8')) as HandoverData;
  data.summary.compactionSummaries.push(redactSecrets(summary));
  const extractMarkdown = await readFile(join(dir, HANDOVER_FILES.extract), 'utf8');
  // The same lookup instructions as the build chose (the preamble says which tools the agent has).
  const before = await readFile(join(dir, HANDOVER_FILES.prompt), 'utf8');
  const retrieval: RetrievalMode = before.includes(retrievalInstructions('mcp')) ? 'mcp' : 'cli';
  const prompt = renderPromptOf(data, Buffer.byteLength(extractMarkdown), retrieval);
  await writeHandoverFiles(data.workspace, dir, home, {
    [HANDOVER_FILES.extract]: extractMarkdown,
    [HANDOVER_FILES.data]: JSON.stringify(data, null, 2) + '\n',
    [HANDOVER_FILES.prompt]: prompt,
  });
  return true;
}

/**
 * Adds to the handover in `dir` the saved summaries it does not hold yet (PostCompact saved one while the
 * build ran). Returns how many were added.
 */
export async function addMissingSummaries(dir: string, home: string, sessionId: string): Promise<number> {
  const saved = await readSavedSummaries(home, sessionId);
  if (!saved.length) return 0;
  const data = JSON.parse(await readFile(join(dir, HANDOVER_FILES.data), 'utf8')) as HandoverData;
  let added = 0;
  for (const summary of missingSummaries(data.summary?.compactionSummaries ?? [], saved)) if (await addCompactionSummary(dir, home, summary)) added++;
  return added;
}

/**
 * A path the tracker left absolute because the session ran in another folder than this workspace (a log
 * built elsewhere, a copied log): relative to the session's own working directory, in the log's path style.
 */
function underSession(cwd: string | undefined, path: string): string {
  if (!cwd) return path;
  const root = cwd.replace(/[\\/]+$/, '');
  for (const separator of ['/', '\\']) if (path.startsWith(root + separator)) return path.slice(root.length + 1);
  return path;
}

const MODEL_ANALYSTS = new Set<Finding['analyst']>(['decisions', 'errors', 'rejected']);

/**
 * A model's error finding is resolved when a line it cites is a failure the log shows fixed later:
 * the offline pass knows which runs passed after which failures; the model only read some of them.
 */
function settleErrorStatus(findings: Finding[], offline: OfflineAnalysis): Finding[] {
  const resolvedAt = new Map<number, Finding['resolvedBy']>();
  const unresolvedLines = new Set<number>();
  const wentOnAt = new Map<number, Finding['wentOnWith']>();
  for (const f of offline.findings) {
    if (f.analyst !== 'errors') continue;
    for (const c of f.citations) {
      if (f.status === 'resolved' && f.resolvedBy) resolvedAt.set(c.line, f.resolvedBy);
      else unresolvedLines.add(c.line);
      if (f.wentOnWith) wentOnAt.set(c.line, f.wentOnWith);
    }
  }
  return findings.map((f) => {
    if (f.analyst !== 'errors' || f.status === 'resolved') return f;
    const by = f.citations.map((c) => resolvedAt.get(c.line)).find((r) => r !== undefined);
    if (by && !f.status) return { ...f, status: 'resolved', resolvedBy: by };
    // An error nothing ran again after the session went on says so, whoever found it.
    const went = f.citations.map((c) => wentOnAt.get(c.line)).find((r) => r !== undefined);
    if (f.status === 'unresolved') return went && !by ? { ...f, wentOnWith: went } : f;
    return f.citations.some((c) => unresolvedLines.has(c.line)) ? { ...f, status: 'unresolved', ...(went ? { wentOnWith: went } : {}) } : f;
  });
}

/**
 * The handover's summary as the sidebar, the QuickPick, the chain list and SessionStart show it: what the
 * session was for (its first request), where it stood at the end (checks, unresolved errors, what the agent
 * was doing) and, last, the size figures. Computed from the analysis, never written by a model.
 */
function narrative(agent: string, offline: OfflineAnalysis, findings: Finding[], files: number): string {
  const who = agent === 'codex' ? 'Codex' : 'Claude Code';
  const span = offline.firstTimestamp && offline.lastTimestamp ? ` from ${offline.firstTimestamp} to ${offline.lastTimestamp}` : '';
  const where = offline.cwd ? ` in \`${offline.cwd}\`` : '';
  const branch = offline.gitBranch ? ` on branch \`${offline.gitBranch}\`` : '';
  const errors = findings.filter((f) => f.analyst === 'errors');
  const unresolved = errors.filter((f) => f.status === 'unresolved').length;
  const notRerun = errors.filter((f) => f.status === 'unresolved' && f.wentOnWith).length;
  const compactions = offline.compactions.length;
  const lines: string[] = [];
  const first = firstRequest(offline.conversation);
  if (first) lines.push(`Began with: ${oneLine(first, 200)}`);
  // Failing checks first; a session that ran many checks names four and counts the rest.
  const checks = [...offline.checks].sort((a, b) => Number(a.outcome === 'passing') - Number(b.outcome === 'passing'));
  const state: string[] = checks
    .slice(0, 4)
    .map((c) => `\`${c.family}\` ${c.outcome}${c.failingTests.length ? ` (${c.failingTests.length} failing test(s))` : ''}`);
  if (checks.length > 4) state.push(`${checks.length - 4} more check(s) ${checks.slice(4).every((c) => c.outcome === 'passing') ? 'passing' : 'run'}`);
  if (unresolved) state.push(`${unresolved} error(s) not resolved${notRerun ? ` (${notRerun} not re-run: the session went on)` : ''}`);
  const pending = offline.stopped?.pendingCalls[0];
  if (offline.stopped?.interruptedAt) state.push('the user interrupted the last turn');
  else if (pending) state.push(`stopped while running \`${oneLine(pending.display, 80)}\``);
  if (state.length) lines.push(`At the end: ${state.join(', ')}.`);
  lines.push(
    `A ${who} session${where}${branch}${span}: ${offline.conversation.messages.length} message(s) from the user, ${offline.lines} log lines. ` +
      `It changed ${files} file(s)${errors.length ? ` and hit ${errors.length} distinct error(s) in tool output` : ''}${compactions ? `; it was compacted ${compactions} time(s) before` : ''}.`,
  );
  return lines.join('\n');
}

/** The first thing the user typed that asks for something (not a slash command, a shell line or a seed prompt). */
function firstRequest(conversation: OfflineAnalysis['conversation']): string | undefined {
  const message = conversation.messages.find((m) => (m.kind === 'typed' || m.kind === 'delegated') && m.text.trim().length > 0 && !isSeedPrompt(m.text));
  return message?.text;
}

async function requireFile(path: string): Promise<void> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new BuildError(error.code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${error.code}`);
  });
  if (info.isDirectory()) throw new BuildError(`${path} is a directory, not a session log (.jsonl)`);
  if (info.size === 0) throw new BuildError(`${path} is empty: nothing to hand over`);
}

async function requireDirectory(path: string): Promise<void> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) throw new BuildError(`workspace ${path} is not a directory`);
}

/**
 * Writes the handover into a fresh folder (`.handover/.<sid>.build-…`), signs the final contents, then
 * swaps it in for `.handover/<sid>`: readers see the old complete handover or the new one, never a mix,
 * and a killed or parallel build leaves at most a hidden temp folder (cleaned by the next build). Nothing
 * is written through a symlink: a symlinked `.handover` is refused, a symlinked `.handover/<sid>` or
 * `.gitignore` is replaced (the link, never its target).
 */
async function writeHandoverFiles(workspace: string, dir: string, home: string, files: Record<string, string>): Promise<void> {
  const root = join(workspace, HANDOVER_DIR);
  const sessionId = basename(dir);
  const createdRoot = !(await lstat(root).catch(() => undefined));
  let fresh: string | undefined;
  let aside: string | undefined;
  try {
    await ensureOwnFolder(root);
    await writeGitignore(root);
    await removeStaleBuilds(root, sessionId);
    const signature = await signHandover(home, files, { sessionId, workspace });
    const ordered: [string, string][] = [
      [HANDOVER_FILES.extract, files[HANDOVER_FILES.extract]],
      [HANDOVER_FILES.data, files[HANDOVER_FILES.data]],
      [HANDOVER_FILES.signature, JSON.stringify(signature, null, 2) + '\n'],
      [HANDOVER_FILES.prompt, files[HANDOVER_FILES.prompt]],
    ];
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    fresh = join(root, `.${sessionId}.build-${tag}`);
    await mkdir(fresh);
    for (const [name, content] of ordered) await writeFile(join(fresh, name), content, { flag: 'wx' });
    const existing = await lstat(dir).catch(() => undefined);
    if (existing?.isDirectory()) {
      aside = join(root, `.${sessionId}.old-${tag}`);
      await rename(dir, aside);
    } else if (existing) {
      // A symlink (or a file) where the handover goes: removed, its target left alone.
      await rm(dir);
    }
    await rename(fresh, dir);
    fresh = undefined;
    if (aside) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
  } catch (error) {
    if (fresh) await rm(fresh, { recursive: true, force: true }).catch(() => undefined);
    // The old handover goes back if the new one did not make it in; if another build's handover took its place
    // meanwhile (a parallel rebuild of the same session), the old one is superseded and goes.
    if (aside) {
      if (!(await lstat(dir).catch(() => undefined))) await rename(aside, dir).catch(() => undefined);
      else await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    }
    if (createdRoot) {
      // Only if nothing else arrived meanwhile (another session's build): rmdir refuses a non-empty folder.
      await rm(join(root, '.gitignore'), { force: true }).catch(() => undefined);
      await rmdir(root).catch(() => undefined);
    }
    if (error instanceof SigningKeyError || error instanceof BuildError) throw new BuildError(error.message);
    throw new BuildError(`cannot write the handover into ${dir}: ${describeFsError(error)}`);
  }
}

/** `.handover` as a real folder of the workspace: created when missing, refused when it is a symlink. */
async function ensureOwnFolder(root: string): Promise<void> {
  const info = await lstat(root).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new BuildError(`${root} is a symbolic link: refusing to write a handover through it (remove the link)`);
  if (info && !info.isDirectory()) throw new BuildError(`${root} is a file, not a folder: remove it to write handovers here`);
  // One level: a recursive mkdir reports ENOENT where the real cause is EROFS or EACCES.
  if (!info) await mkdirIfMissing(root);
}

/** `.handover/.gitignore` keeps handovers out of git; a symlink there is replaced, never followed. */
async function writeGitignore(root: string): Promise<void> {
  const path = join(root, '.gitignore');
  const info = await lstat(path).catch(() => undefined);
  if (info?.isFile()) return;
  if (info?.isDirectory()) return;
  const temp = join(root, `.gitignore.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, '*\n', { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

// A build folder older than this was left by a killed build (a build takes seconds).
const STALE_BUILD_MS = 10 * 60_000;

/** Removes what killed builds of this session left: `.<sid>.build-*`, `.<sid>.old-*` (old ones only). */
async function removeStaleBuilds(root: string, sessionId: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(`.${sessionId}.build-`) && !name.startsWith(`.${sessionId}.old-`) && !/^\.gitignore\.\d+\.[0-9a-f]+\.tmp$/.test(name)) continue;
    const path = join(root, name);
    const info = await lstat(path).catch(() => undefined);
    if (info && now - info.mtimeMs > STALE_BUILD_MS) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function mkdirIfMissing(path: string): Promise<void> {
  await mkdir(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}
