// `handover` command-line entry point. Never imports vscode: the hooks, the tests and the extension
// (as a child process) all run this same file.
import '../hooks/earlyDispatch.js'; // first on purpose: runs the hot hooks before the rest of the bundle loads
import { parseArgs } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { CliError, type CliCommand, type CliIo } from './command.js';
import { LogInputError } from '../transcript/reader.js';
import { extractCommand } from './commands/extract.js';
import { verifyCommand } from './commands/verify.js';
import { hookCommand } from './commands/hook.js';
import { installHooksCommand, uninstallHooksCommand } from './commands/installHooks.js';
import { indexCommand } from './commands/indexCommand.js';
import { searchCommand } from './commands/search.js';
import { showCommand } from './commands/show.js';
import { buildCommand } from './commands/build.js';
import { resumeCommand } from './commands/resume.js';
import { chainCommand } from './commands/chain.js';
import { mcpCommand } from './commands/mcp.js';
import { installPluginCommand, uninstallPluginCommand } from './commands/installPlugin.js';

const COMMANDS: CliCommand[] = [
  extractCommand,
  verifyCommand,
  buildCommand,
  resumeCommand,
  chainCommand,
  indexCommand,
  searchCommand,
  showCommand,
  mcpCommand,
  hookCommand,
  installHooksCommand,
  uninstallHooksCommand,
  installPluginCommand,
  uninstallPluginCommand,
];

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'handover: session handovers for AI coding agents (Claude Code, Codex)',
    '',
    'Usage: handover <command> [options]    (handover <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(topHelp());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`handover: unknown command '${name}' (run 'handover --help' for the list)\n`);
    return 2;
  }
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${(error as Error).message.split('\n')[0]}\nusage: ${command.usage}`, 2);
    }
    if (parsed.values.help) {
      io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
      return 0;
    }
    const { min, max } = command.positionals;
    if (parsed.positionals.length < min || parsed.positionals.length > max) throw new CliError(`usage: ${command.usage}`, 2);
    return await command.run({ values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof CliError || error instanceof LogInputError) {
      io.stderr(`handover ${name}: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 2;
    }
    io.stderr(`handover ${name}: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    return 70;
  }
}

declare const HANDOVER_VERSION: string | undefined;
const VERSION = typeof HANDOVER_VERSION === 'string' ? HANDOVER_VERSION : 'dev';

function readStdin(): Promise<string> {
  return new Promise((resolvePromise) => {
    if (process.stdin.isTTY) return resolvePromise('');
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', () => resolvePromise(''));
  });
}

// Not in a worker thread: the search indexer's worker runs this same file (src/search/unitWorker.ts).
if (require.main === module && isMainThread) {
  // `handover search … | head` closes the pipe early: what was not read is not wanted, and that is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: CliIo = {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    readStdin,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`handover: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
