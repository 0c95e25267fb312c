/**
 * A CSV reader for carrier reports, on bytes, resumable anywhere. RFC 4180 (quotes, `""`
 * escapes, separators and newlines inside quotes) with what Excel also writes: CRLF, LF or
 * CR line ends, a quote inside an unquoted cell kept as a character, empty `;;;` lines.
 * Records are found on the bytes (`;` `,` TAB `"` CR LF are ASCII in UTF-8 and windows-1251,
 * and never part of a UTF-8 multi-byte character), then each record is decoded once: so a
 * 50 MB file is read in chunks, and a chunk may end anywhere, even mid-character.
 */
import type { FileShape } from './sniff';
import { decodeWindows1251 } from './windows-1251';

/** The longest record read: longer is no parcel row, and is skipped, not buffered without end. @example MAX_RECORD_BYTES // 65536 */
export const MAX_RECORD_BYTES = 64 * 1024;

/** @example { line: 2, cells: ['1234567890', '01.03.2025'] } */
export interface CsvRecord {
  /** The physical line the record starts on (1 = the file's first). */
  line: number;
  cells: string[];
}

/**
 * Where a record too long to keep stands when a chunk ends inside it: pass it back as
 * `opts.skipping` with the next chunk, and the reader skips on to the record's end.
 * @example { line: 40, state: 'quoted' }
 */
export interface CsvSkip {
  line: number;
  state: ScanState;
}

/** @example { records: [...], consumed: 1840, nextLine: 31 } */
export interface CsvChunk {
  records: CsvRecord[];
  /** Bytes up to the end of the last complete record: resume at offset + consumed. */
  consumed: number;
  /** The line the byte at `consumed` is on: the next call's `firstLine`. */
  nextLine: number;
  /** The first record longer than MAX_RECORD_BYTES met in this chunk (skipped). */
  tooLong?: { line: number };
  /** Every such record's line, when there are several. */
  tooLongLines?: number[];
  /** Set when the chunk ended inside a too-long record: pass it back with the next chunk. */
  skipping?: CsvSkip;
}

/** @example { shape, firstLine: 1, final: false } */
export interface CsvReadOptions {
  shape: FileShape;
  /** The line the chunk's first byte is on (1 at the file's start; then the last `nextLine`). */
  firstLine: number;
  /** The chunk runs to the end of the file: its last record needs no newline. */
  final: boolean;
  /** The previous chunk's `skipping`, if it had one. */
  skipping?: CsvSkip;
}

/** Where the scanner is: at a cell's start, in an unquoted cell, inside quotes, or just after a quote inside quotes. @example const s: ScanState = 'quoted'; */
export type ScanState = 'start' | 'plain' | 'quoted' | 'quote';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf] as const;

const UTF8 = new TextDecoder('utf-8');

/**
 * Reads the complete records in `bytes`: those ending in a newline outside quotes, or all of
 * them when `final`. `consumed` stops at the end of the last complete record, so the caller
 * keeps the rest and resumes there with more bytes. A record over MAX_RECORD_BYTES is skipped
 * and reported in `tooLong`, never kept: a chunk that ends inside one is consumed whole and
 * `skipping` says how to go on. Blank lines, and lines of empty cells only, are skipped. A
 * UTF-8 BOM at the file's start (`firstLine` 1) is skipped too.
 * @example readCsvRecords(bytes, { shape, firstLine: 1, final: true }).records[0] // { line: 1, cells: ['waybill', 'shippedDate'] }
 */
export function readCsvRecords(bytes: Uint8Array, opts: CsvReadOptions): CsvChunk {
  const n = bytes.length;
  const sep = opts.shape.separator.charCodeAt(0);
  const records: CsvRecord[] = [];
  const tooLongLines: number[] = [];
  const hasBom = opts.firstLine === 1 && BOM.every((b, i) => bytes[i] === b);
  let start = hasBom ? BOM.length : 0;
  let line = opts.firstLine;
  let consumed = 0;
  let nextLine = line;
  // A record already reported too long, carried over from the previous chunk.
  let skipping = opts.skipping !== undefined;
  let state: ScanState = opts.skipping?.state ?? 'start';
  let recordLine = opts.skipping?.line ?? line;
  let i = start;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (state === 'quoted') {
      if (b === QUOTE) state = 'quote';
      else if (b === LF || (b === CR && bytes[i + 1] !== LF && i + 1 < n)) line += 1;
      else if (b === CR && i + 1 === n && opts.final) line += 1;
      i += 1;
      continue;
    }
    if (b === QUOTE) {
      state = state === 'start' || state === 'quote' ? 'quoted' : 'plain';
      i += 1;
      continue;
    }
    if (b === sep) {
      state = 'start';
      i += 1;
      continue;
    }
    if (b !== CR && b !== LF) {
      state = 'plain';
      i += 1;
      continue;
    }
    // A line end outside quotes: the record ends here, unless a CR ends the chunk (an LF may follow).
    if (b === CR && i + 1 === n && !opts.final) break;
    const end = i;
    i += b === CR && bytes[i + 1] === LF ? 2 : 1;
    line += 1;
    if (skipping) skipping = false;
    else if (end - start > MAX_RECORD_BYTES) tooLongLines.push(recordLine);
    else if (end > start) pushRecord(records, bytes, start, end, recordLine, opts.shape);
    start = i;
    consumed = i;
    nextLine = line;
    recordLine = line;
    state = 'start';
  }
  const tail = n - start;
  if (opts.final) {
    // The file's last record needs no newline.
    if (skipping || tail === 0) skipping = false;
    else if (tail > MAX_RECORD_BYTES) tooLongLines.push(recordLine);
    else pushRecord(records, bytes, start, n, recordLine, opts.shape);
    consumed = n;
    nextLine = line;
  } else if (!opts.final && (skipping || tail > MAX_RECORD_BYTES)) {
    // Inside a record too long to keep: drop what is here (but a final CR, whose LF may follow).
    if (!skipping) tooLongLines.push(recordLine);
    const keepCr = bytes[n - 1] === CR && state === 'quoted' ? 1 : 0;
    consumed = i - keepCr;
    nextLine = line;
    return chunk(records, consumed, nextLine, tooLongLines, { line: recordLine, state });
  }
  return chunk(records, consumed, nextLine, tooLongLines);
}

function chunk(
  records: CsvRecord[],
  consumed: number,
  nextLine: number,
  tooLongLines: number[],
  skipping?: CsvSkip,
): CsvChunk {
  const out: CsvChunk = { records, consumed, nextLine };
  const first = tooLongLines[0];
  if (first !== undefined) {
    out.tooLong = { line: first };
    out.tooLongLines = tooLongLines;
  }
  if (skipping !== undefined) out.skipping = skipping;
  return out;
}

function pushRecord(
  records: CsvRecord[],
  bytes: Uint8Array,
  start: number,
  end: number,
  line: number,
  shape: FileShape,
): void {
  const text =
    shape.encoding === 'utf-8'
      ? UTF8.decode(bytes.subarray(start, end))
      : decodeWindows1251(bytes, start, end);
  const cells = splitCells(text, shape.separator);
  if (cells.every((c) => c.trim() === '')) return;
  records.push({ line, cells });
}

/**
 * Splits one record's text into cells: quotes removed, `""` unescaped, a quote inside an
 * unquoted cell kept (Excel's reading), text after a closing quote appended.
 * @example splitCells('"a;b";"say ""hi""";c', ';') // ['a;b', 'say "hi"', 'c']
 */
export function splitCells(text: string, separator: string): string[] {
  if (!text.includes('"')) return text.split(separator);
  const cells: string[] = [];
  let cell = '';
  let state: ScanState = 'start';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (state === 'quoted') {
      if (ch === '"') state = 'quote';
      else cell += ch;
    } else if (ch === '"' && (state === 'start' || state === 'quote')) {
      if (state === 'quote') cell += '"';
      state = 'quoted';
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
      state = 'start';
    } else {
      cell += ch;
      state = 'plain';
    }
  }
  cells.push(cell);
  return cells;
}
