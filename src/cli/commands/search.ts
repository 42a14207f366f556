// `handover search "<query>"`: ranked matches across every indexed session, with the match marked.
import { handoverHome } from '../../util/handoverHome.js';
import { CliError, type CliCommand } from '../command.js';
import { progressPrinter, runWithIndex, useColor } from '../indexAccess.js';
import { IndexBusyError, indexBuiltAt } from '../../search/indexStore.js';
import { updateIndex } from '../../search/indexer.js';
import { markSnippet, parseKinds, searchIndex, type SearchHit } from '../../search/query.js';
import { defaultSources } from '../../search/sources.js';
import { chainSessionIds } from '../../handover/chainWalk.js';

const BOLD = (s: string) => `\x1b[1m${s}\x1b[22m`;

function formatHit(hit: SearchHit, color: boolean, totalTerms: number, partial: boolean): string {
  const when = hit.timestamp ? hit.timestamp.slice(0, 16).replace('T', ' ') : '';
  const matched = partial ? `${hit.matchedTerms}/${totalTerms} terms` : '';
  const head = [hit.ref, hit.kind, when, hit.project ?? '', hit.subagent ? `(subagent ${hit.subagent})` : '', matched].filter(Boolean).join('  ');
  const snippet = color ? markSnippet(hit, BOLD('').slice(0, 4), '\x1b[22m') : markSnippet(hit, '[', ']');
  return `${color ? BOLD(head) : head}\n    ${snippet}\n    ${hit.file}:${hit.line}\n`;
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Search every indexed session (ranked, with the match marked); the index is brought up to date first.',
  usage:
    'handover search "<query>" [--project P] [--since DATE|7d] [--kind K[,K]] [--session ID] [--chain ID] [--limit N] [--json] [--no-update]\n' +
    '  query: words, identifiers (src/a.ts, launch.json), "a phrase", prefix*, -exclude, kind:tool-error, session:<id prefix>',
  options: {
    project: { type: 'string', short: 'p' },
    since: { type: 'string' },
    kind: { type: 'string', short: 'k' },
    session: { type: 'string' },
    chain: { type: 'string' },
    limit: { type: 'string', short: 'n' },
    json: { type: 'boolean' },
    'no-update': { type: 'boolean' },
  },
  positionals: { min: 1, max: 64 },
  async run({ values, positionals }, io) {
    const query = positionals.join(' ').trim();
    if (!query) throw new CliError('the query is empty', 2);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit: '${String(values.limit)}' is not a positive whole number`, 2);
    let kinds;
    try {
      kinds = parseKinds(values.kind as string | undefined);
    } catch (error) {
      throw new CliError((error as Error).message, 2);
    }
    const home = handoverHome(io.env);
    // --chain: the sessions of that chain (in this workspace's .handover) as the session filter.
    const chainIds =
      values.chain === undefined
        ? undefined
        : await chainSessionIds(io.cwd, values.chain as string).catch((error: Error) => {
            throw new CliError(`--chain: ${error.message}`, 2);
          });
    const result = await runWithIndex(
      io,
      async (index) => {
        const built = indexBuiltAt(index) !== undefined;
        if (!built) io.stderr('handover: building the search index (first run)…\n');
        if (!built || !values['no-update']) {
          try {
            await updateIndex(index, { sources: defaultSources(home, io.env), onProgress: progressPrinter(io) });
          } catch (error) {
            // Another process is indexing: search what is there rather than wait.
            if (!(error instanceof IndexBusyError) || !built) throw error;
          }
        }
        return searchIndex(index, query, {
          project: values.project as string | undefined,
          since: values.since as string | undefined,
          kinds,
          sessionId: values.session as string | undefined,
          sessionIds: chainIds,
          limit,
        });
      },
      { busyTimeoutMs: values['no-update'] ? undefined : 1500 },
    );
    if (values.json) {
      // The shared, versioned format (src/shared/searchResults.ts), as searchIndex returned it.
      io.stdout(JSON.stringify(result) + '\n');
      return 0;
    }
    for (const note of result.notes) io.stderr(`handover search: ${note}\n`);
    if (result.hits.length === 0) {
      io.stderr(`handover search: no matches for ${JSON.stringify(query)}\n`);
      return 1;
    }
    const color = useColor(io);
    const partial = result.mode === 'any';
    io.stdout(result.hits.map((hit) => formatHit(hit, color, result.terms.length, partial)).join('\n'));
    const how = partial ? ` holding some of the ${result.terms.length} terms (none holds all)` : '';
    io.stdout(`\n${result.hits.length} match${result.hits.length === 1 ? '' : 'es'}${how}; open one with: handover show <session-id>:<line>\n`);
    return 0;
  },
};
