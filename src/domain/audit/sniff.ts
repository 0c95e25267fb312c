/**
 * What a carrier report's bytes are before a cell is read: its encoding (Russian Excel saves
 * CSV as UTF-8, with or without a BOM, or as windows-1251) and its separator (`;` where the
 * decimal mark is a comma, `,` elsewhere, TAB for "Unicode text"). Pure: the caller hands in
 * the file's first bytes, so a 50 MB file is sniffed from one small read.
 */

/** The encodings a report comes in. @example const e: FileEncoding = 'windows-1251'; */
export type FileEncoding = 'utf-8' | 'windows-1251';

/** @example { encoding: 'utf-8', bomBytes: 3, separator: ';' } */
export interface FileShape {
  encoding: FileEncoding;
  /** Bytes of the UTF-8 byte order mark at the file's start (0 or 3): the reader skips them. */
  bomBytes: number;
  separator: ';' | ',' | '\t';
}

/** How much of the file's head is looked at: enough for a header and many rows. @example head.subarray(0, SNIFF_BYTES) */
export const SNIFF_BYTES = 64 * 1024;

const BOM = [0xef, 0xbb, 0xbf] as const;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SEPARATORS = [
  { byte: 0x3b, separator: ';' },
  { byte: 0x2c, separator: ',' },
  { byte: 0x09, separator: '\t' },
] as const;

/**
 * The file's encoding, BOM and separator, from its first bytes (up to SNIFF_BYTES are read).
 * A BOM or bytes that are valid UTF-8 mean UTF-8 (a windows-1251 Russian text is almost never
 * valid UTF-8: its letters are lone high bytes); anything else is windows-1251. The separator
 * is the one of `;` `,` TAB most frequent in the header line outside quotes (`;` on a tie or
 * none, the Russian Excel default).
 * @example sniffFile(new TextEncoder().encode('waybill,shippedDate\n1,2025-03-01\n')) // { encoding: 'utf-8', bomBytes: 0, separator: ',' }
 */
export function sniffFile(head: Uint8Array): FileShape {
  const bytes = head.subarray(0, SNIFF_BYTES);
  const bomBytes = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  const encoding: FileEncoding =
    bomBytes > 0 || isUtf8(bytes.subarray(bomBytes)) ? 'utf-8' : 'windows-1251';
  return { encoding, bomBytes, separator: headerSeparator(bytes.subarray(bomBytes)) };
}

/** Counts each separator in the first line (a newline inside quotes does not end it). */
function headerSeparator(bytes: Uint8Array): FileShape['separator'] {
  const counts = [0, 0, 0];
  let quoted = false;
  for (const b of bytes) {
    if (b === QUOTE) quoted = !quoted;
    else if (!quoted && (b === LF || b === CR)) break;
    else if (!quoted) {
      const i = SEPARATORS.findIndex((s) => s.byte === b);
      if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
    }
  }
  let best = 0;
  counts.forEach((count, i) => {
    if (count > (counts[best] ?? 0)) best = i;
  });
  return SEPARATORS[best]?.separator ?? ';';
}

/**
 * Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). A
 * sequence cut by the end counts as valid if its bytes so far are: the head is usually a cut
 * of a longer file, and may end mid-character.
 * @example isUtf8(new Uint8Array([0xd0, 0x9d])) // true ('Н')
 */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return false;
    if (i + need >= n) {
      // The sequence runs past the end: valid if what is there is continuation bytes.
      for (let j = i + 1; j < n; j++) if (((bytes[j] ?? 0) & 0xc0) !== 0x80) return false;
      return true;
    }
    let cp = b & (0xff >> (need + 2));
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}
