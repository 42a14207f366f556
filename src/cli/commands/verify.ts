// `handover verify <handover-dir>`: checks a handover's signature against this machine's key. Only a
// verified handover may start an agent by itself; one that arrived with a `git pull` fails here.
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { HANDOVER_FILES } from '../../shared/handoverData.js';
import { verifyHandover } from '../../handover/sign.js';
import { handoverHome } from '../../util/handoverHome.js';
import { CliError, type CliCommand } from '../command.js';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "Check a handover's signature against this machine's key (exit 1 when it does not verify).",
  usage: 'handover verify <handover-dir> [--json]',
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run({ values, positionals }, io) {
    let dir = resolve(io.cwd, positionals[0]);
    const isDir = await stat(dir).then(
      (s) => s.isDirectory(),
      () => undefined,
    );
    if (isDir === undefined) throw new CliError(`${positionals[0]}: no such handover folder`, 2);
    if (!isDir) {
      // A file of the handover (resume-prompt.md, say) stands for its folder.
      if (!(Object.values(HANDOVER_FILES) as string[]).includes(basename(dir))) {
        throw new CliError(`${positionals[0]} is a file; give the handover folder (the one holding ${HANDOVER_FILES.prompt})`, 2);
      }
      dir = dirname(dir);
    }
    const result = await verifyHandover(dir, handoverHome(io.env));
    if (values.json) {
      io.stdout(`${JSON.stringify(result.ok ? { verified: true, dir } : { verified: false, dir, reason: result.reason })}\n`);
      return result.ok ? 0 : 1;
    }
    if (!result.ok) throw new CliError(`not verified: ${dir}: ${result.reason}`, 1);
    io.stdout(`verified: ${dir}\n`);
    return 0;
  },
};
