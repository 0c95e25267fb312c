import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_RECORD_BYTES,
  readCsvRecords,
  splitCells,
  type CsvChunk,
  type CsvRecord,
  type CsvSkip,
} from '../../../src/domain/audit/csv';
import type { FileShape } from '../../../src/domain/audit/sniff';
import { encodeWindows1251 } from '../../../src/domain/audit/windows-1251';

const utf8 = (s: string) => new TextEncoder().encode(s);
const semi: FileShape = { encoding: 'utf-8', bomBytes: 0, separator: ';' };
const comma: FileShape = { encoding: 'utf-8', bomBytes: 0, separator: ',' };
const cp1251: FileShape = { encoding: 'windows-1251', bomBytes: 0, separator: ';' };

function all(bytes: Uint8Array, shape = semi): CsvChunk {
  return readCsvRecords(bytes, { shape, firstLine: 1, final: true });
}

/** Reads `bytes` as a caller does: pieces cut at `cuts`, the unconsumed rest carried over. */
function inPieces(bytes: Uint8Array, cuts: number[], shape = semi) {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const ends = [...points, bytes.length];
  const records: CsvRecord[] = [];
  const tooLong: number[] = [];
  let carry = new Uint8Array(0);
  let firstLine = 1;
  let skipping: CsvSkip | undefined;
  let from = 0;
  for (const [k, end] of ends.entries()) {
    const piece = bytes.subarray(from, end);
    from = end;
    const buf = new Uint8Array(carry.length + piece.length);
    buf.set(carry);
    buf.set(piece, carry.length);
    const final = k === ends.length - 1;
    const r = readCsvRecords(buf, { shape, firstLine, final, ...(skipping ? { skipping } : {}) });
    records.push(...r.records);
    tooLong.push(...(r.tooLongLines ?? []));
    expect(r.consumed).toBeLessThanOrEqual(buf.length);
    carry = buf.slice(r.consumed);
    firstLine = r.nextLine;
    skipping = r.skipping;
    if (final) expect(r.consumed).toBe(buf.length);
  }
  return { records, tooLong };
}

describe('readCsvRecords', () => {
  it('reads records with their line numbers, CRLF, LF and CR alike', () => {
    const r = all(utf8('a;b\r\n1;2\n3;4\r5;6'));
    expect(r.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
      { line: 4, cells: ['5', '6'] },
    ]);
    expect(r.consumed).toBe(16);
    expect(r.nextLine).toBe(4);
  });

  it('keeps separators, quotes and newlines inside quotes, counting the lines', () => {
    const r = all(utf8('"a;b";"say ""hi""";"two\r\nlines"\n"x\ny\nz";2\n7;8\n'));
    expect(r.records).toEqual([
      { line: 1, cells: ['a;b', 'say "hi"', 'two\r\nlines'] },
      { line: 3, cells: ['x\ny\nz', '2'] },
      { line: 6, cells: ['7', '8'] },
    ]);
    expect(r.nextLine).toBe(7);
  });

  it('skips blank lines and lines of empty cells (Excel writes ;;;)', () => {
    const r = all(utf8('a;b\n\n;;\r\n\r\n1;2\n ; \n'));
    expect(r.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 5, cells: ['1', '2'] },
    ]);
  });

  it('skips the UTF-8 BOM at the start of the file', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Статус;b\n1;2\n')]);
    expect(all(bytes).records[0]).toEqual({ line: 1, cells: ['Статус', 'b'] });
  });

  it('decodes windows-1251 cells', () => {
    const r = all(encodeWindows1251('Номер накладной;Статус\r\n"10;20";Вручён\r\n'), cp1251);
    expect(r.records).toEqual([
      { line: 1, cells: ['Номер накладной', 'Статус'] },
      { line: 2, cells: ['10;20', 'Вручён'] },
    ]);
  });

  it('uses the sniffed separator: a ; is plain text in a , file', () => {
    expect(all(utf8('a;b,c\n'), comma).records[0]?.cells).toEqual(['a;b', 'c']);
    expect(all(utf8('a\tb;c\n'), { ...semi, separator: '\t' }).records[0]?.cells).toEqual([
      'a',
      'b;c',
    ]);
  });

  it('stops at the last complete record when not final, and resumes there', () => {
    const bytes = utf8('a;b\n1;"2\n3"\n4;5');
    const first = readCsvRecords(bytes, { shape: semi, firstLine: 1, final: false });
    expect(first.records.map((r) => r.line)).toEqual([1, 2]);
    expect(first.consumed).toBe(12);
    expect(first.nextLine).toBe(4);
    const rest = readCsvRecords(bytes.subarray(first.consumed), {
      shape: semi,
      firstLine: first.nextLine,
      final: true,
    });
    expect(rest.records).toEqual([{ line: 4, cells: ['4', '5'] }]);
  });

  it('does not end a record on a CR that ends the chunk: its LF may follow', () => {
    const bytes = utf8('1;2\r');
    const r = readCsvRecords(bytes, { shape: semi, firstLine: 1, final: false });
    expect(r).toEqual({ records: [], consumed: 0, nextLine: 1 });
  });

  it('keeps a quote inside an unquoted cell, and text after a closing quote', () => {
    expect(all(utf8('ab"c;"x"y;"unclosed\n')).records[0]?.cells).toEqual([
      'ab"c',
      'xy',
      'unclosed\n',
    ]);
  });

  it('skips a record longer than MAX_RECORD_BYTES and reports its line', () => {
    const long = 'x'.repeat(MAX_RECORD_BYTES + 1);
    const r = all(utf8(`a;b\n1;${long}\n2;3\n4;"${long}"\n5;6\n`));
    expect(r.records.map((x) => x.cells[0])).toEqual(['a', '2', '5']);
    expect(r.tooLong).toEqual({ line: 2 });
    expect(r.tooLongLines).toEqual([2, 4]);
  });

  it('never blocks on a record that does not end: consumes it and skips on', () => {
    const long = `1;"${'y\n'.repeat(MAX_RECORD_BYTES)}`;
    const head = utf8(`a;b\n${long}`);
    const first = readCsvRecords(head, { shape: semi, firstLine: 1, final: false });
    expect(first.records).toHaveLength(1);
    expect(first.consumed).toBe(head.length);
    expect(first.tooLong).toEqual({ line: 2 });
    expect(first.skipping).toEqual({ line: 2, state: 'quoted' });
    expect(first.nextLine).toBe(2 + MAX_RECORD_BYTES);
    const rest = readCsvRecords(utf8('more";z\n7;8\n'), {
      shape: semi,
      firstLine: first.nextLine,
      final: true,
      ...(first.skipping ? { skipping: first.skipping } : {}),
    });
    expect(rest.records).toEqual([{ line: first.nextLine + 1, cells: ['7', '8'] }]);
    expect(rest.tooLong).toBeUndefined();
  });
});

describe('readCsvRecords in chunks', () => {
  const cell = fc.oneof(
    fc.constantFrom(
      '',
      'вручен',
      'Дата отправки',
      '1 234,50 ₽',
      'a"b',
      '"q"',
      'x;y',
      'l\r\nm',
      'n\ro',
      'p\nq',
    ),
    fc.string({ maxLength: 6 }),
  );
  const quote = (c: string) => (/[;"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const file = fc
    .tuple(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      fc.array(fc.constantFrom('\r\n', '\n', '\r', '\n\n', '\r\n\r\n'), {
        minLength: 8,
        maxLength: 8,
      }),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([rows, ends, bom, lastEnd]) => {
      const text = rows
        .map((row, i) => row.map(quote).join(';') + (i < rows.length - 1 || lastEnd ? ends[i] : ''))
        .join('');
      return { text, bom };
    });

  it('gives the same records as one pass, whatever the cuts (UTF-8, BOM or not)', () => {
    fc.assert(
      fc.property(file, fc.array(fc.nat(), { maxLength: 6 }), ({ text, bom }, cuts) => {
        const body = utf8(text);
        const bytes = bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
        const whole = all(bytes);
        expect(whole.consumed).toBe(bytes.length);
        expect(inPieces(bytes, cuts).records).toEqual(whole.records);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same records as one pass, whatever the cuts (windows-1251)', () => {
    fc.assert(
      fc.property(file, fc.array(fc.nat(), { maxLength: 6 }), ({ text }, cuts) => {
        const bytes = encodeWindows1251(text);
        expect(inPieces(bytes, cuts, cp1251).records).toEqual(all(bytes, cp1251).records);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same records and too-long lines with records over the limit, whatever the cuts', () => {
    const big = `"${'z\n'.repeat(MAX_RECORD_BYTES / 2)}"`;
    const bytes = utf8(`a;b\n1;${big}\r\n2;3\n${big};4\n5;6`);
    const whole = all(bytes);
    expect(whole.tooLongLines).toEqual([2, 2 + MAX_RECORD_BYTES / 2 + 2]);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: bytes.length }), { maxLength: 5 }), (cuts) => {
        const r = inPieces(bytes, cuts);
        expect(r.records).toEqual(whole.records);
        expect(r.tooLong).toEqual(whole.tooLongLines);
      }),
      { numRuns: 60 },
    );
  });
});

describe('splitCells', () => {
  it('splits, unquotes and unescapes', () => {
    expect(splitCells('"a;b";"say ""hi""";c', ';')).toEqual(['a;b', 'say "hi"', 'c']);
    expect(splitCells('', ';')).toEqual(['']);
    expect(splitCells('a,,b', ',')).toEqual(['a', '', 'b']);
    expect(splitCells('"";x', ';')).toEqual(['', 'x']);
  });
});
