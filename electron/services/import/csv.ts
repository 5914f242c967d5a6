import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { RawRow } from '../../../shared/import/cells';

/**
 * CSV as offices save it: `,` or `;` (an Indonesian-locale spreadsheet writes `;`, because `,` is its
 * decimal mark), UTF-8 with or without a BOM, Windows-1252 (Excel's "CSV" on Windows), UTF-16 ("Unicode
 * text"). The encoding is found from the byte-order mark, the NUL bytes of UTF-16 without one, and
 * otherwise by reading the file once through a strict UTF-8 decoder (fast, native): what is not UTF-8 is
 * Windows-1252. The delimiter by parsing the first lines with each candidate. Rows then stream through
 * csv-parse: the file is never held in memory.
 */
export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | ';' | '\t' | '|';

export interface CsvFormat {
  encoding: CsvEncoding;
  /** the file starts with a byte-order mark */
  bom: boolean;
  delimiter: CsvDelimiter;
}

const SAMPLE_BYTES = 64 * 1024;

/**
 * UTF-16 without a byte-order mark: ASCII text has a NUL in every other byte (odd positions for little
 * endian). (chardet 2.2 does not detect UTF-16 without a BOM: it names such text ISO-8859-1.)
 */
function utf16Order(sample: Buffer): CsvEncoding | null {
  let even = 0;
  let odd = 0;
  const n = sample.length - (sample.length % 2);
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (pairs < 2) return null;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Bytes at the end of `chunk` that start a UTF-8 sequence the chunk does not finish (0–3): they are checked
 * with the next chunk.
 */
function incompleteTail(chunk: Buffer): number {
  const n = chunk.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = chunk[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/**
 * Whether the whole file is valid UTF-8: each chunk checked by Node's native validator (`isUtf8`, no string
 * made), a sequence cut by the chunk's end carried into the next.
 */
async function utf8Valid(file: string): Promise<{ ok: boolean }> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const read of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const chunk = carry.length ? Buffer.concat([carry, read]) : read;
    const tail = incompleteTail(chunk);
    if (!isUtf8(chunk.subarray(0, chunk.length - tail))) return { ok: false };
    carry = Buffer.from(chunk.subarray(chunk.length - tail));
  }
  return { ok: carry.length === 0 };
}

export async function detectEncoding(file: string): Promise<{ encoding: CsvEncoding; bom: boolean }> {
  const head = await readHead(file, SAMPLE_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  const utf16 = utf16Order(head);
  if (utf16) return { encoding: utf16, bom: false };
  if ((await utf8Valid(file)).ok) return { encoding: 'utf-8', bom: false };
  // Not UTF-8: an Indonesian Windows spreadsheet's "CSV" is Windows-1252 (Latin-1 with ’ “ ” – € …);
  // statistics on a few accented names cannot tell codepages apart better than that.
  return { encoding: 'windows-1252', bom: false };
}

const DELIMITERS: CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * The delimiter that splits the first lines into the same number of fields (more than one), the most
 * consistently. A `;` file whose cells hold decimal commas (`3,50927E+15`) is still `;`: `,` gives
 * differing counts.
 */
export function detectDelimiter(sample: string): CsvDelimiter {
  // whole lines only
  const cut = sample.lastIndexOf('\n');
  const text = cut > 0 ? sample.slice(0, cut) : sample;
  let best: { d: CsvDelimiter; score: number } = { d: ',', score: -1 };
  for (const d of DELIMITERS) {
    let records: string[][];
    try {
      records = parseSync(text, {
        delimiter: d,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        to_line: 50,
      }) as string[][];
    } catch {
      continue;
    }
    if (!records.length) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    const [width, agree] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    if (width < 2) continue;
    // share of lines agreeing, then more columns
    const score = agree / records.length + width / 1000;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

export async function detectCsvFormat(file: string): Promise<CsvFormat> {
  const { encoding, bom } = await detectEncoding(file);
  const head = await readHead(file, SAMPLE_BYTES);
  const sample = new TextDecoder(encoding).decode(head);
  return { encoding, bom, delimiter: detectDelimiter(sample) };
}

/** Bytes in the file's encoding → UTF-8 text for csv-parse. The BOM is dropped by the decoder. */
function decoder(encoding: CsvEncoding): Transform {
  const d = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, d.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, d.decode());
    },
  });
}

/**
 * The records of the file, one at a time. `line` is the record's number (1 = the first record), which is
 * the row number a spreadsheet shows when it opens the CSV.
 */
export async function* readCsvRows(
  file: string,
  format: CsvFormat,
  signal?: AbortSignal,
): AsyncGenerator<RawRow> {
  const parser = parse({
    delimiter: format.delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  const done = pipeline(createReadStream(file), decoder(format.encoding), parser, signal ? { signal } : {});
  // the pipeline's own rejection surfaces through the parser's iterator; keep it from being unhandled
  done.catch(() => undefined);
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    yield { line, cells: record };
  }
  await done;
}
