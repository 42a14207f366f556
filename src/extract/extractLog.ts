// Reads a log and returns its extract: the one call the CLI, the builder and the extension share.
import { readTranscript, type ReadResult } from '../transcript/reader.js';
import { Extractor, type ExtractCounts } from './extractor.js';

export interface ExtractResult {
  markdown: string;
  counts: ExtractCounts;
  read: ReadResult;
  bytesIn: number;
  bytesOut: number;
  keptSomething: boolean;
}

export async function extractLog(path: string): Promise<ExtractResult> {
  const extractor = new Extractor();
  const read = await readTranscript(path, (event) => extractor.add(event), { interest: 'conversation' });
  const markdown = extractor.finish();
  return {
    markdown,
    counts: extractor.counts,
    read,
    bytesIn: read.stats.bytes,
    bytesOut: Buffer.byteLength(markdown),
    keptSomething: extractor.keptSomething,
  };
}
