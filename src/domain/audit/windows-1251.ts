/**
 * Windows-1251 (Cyrillic) by table, both ways. Our own table because workerd's TextDecoder
 * is not promised to know 'windows-1251' (the WHATWG legacy encodings are optional there);
 * bytes 0x00-0x7F are ASCII, 0xC0-0xFF are А-я, and 0x80-0xBF are the table below (as the
 * WHATWG Encoding Standard's index-windows-1251; 0x98 is unassigned and maps to U+0098).
 */

/** Code points of bytes 0x80-0xBF. */
const HIGH = [
  0x0402, 0x0403, 0x201a, 0x0453, 0x201e, 0x2026, 0x2020, 0x2021, 0x20ac, 0x2030, 0x0409, 0x2039,
  0x040a, 0x040c, 0x040b, 0x040f, 0x0452, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x0098, 0x2122, 0x0459, 0x203a, 0x045a, 0x045c, 0x045b, 0x045f, 0x00a0, 0x040e, 0x045e, 0x0408,
  0x00a4, 0x0490, 0x00a6, 0x00a7, 0x0401, 0x00a9, 0x0404, 0x00ab, 0x00ac, 0x00ad, 0x00ae, 0x0407,
  0x00b0, 0x00b1, 0x0406, 0x0456, 0x0491, 0x00b5, 0x00b6, 0x00b7, 0x0451, 0x2116, 0x0454, 0x00bb,
  0x0458, 0x0405, 0x0455, 0x0457,
] as const;

/** Every byte's character, built once. */
const DECODE: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  String.fromCharCode(b < 0x80 ? b : b < 0xc0 ? (HIGH[b - 0x80] ?? 0xfffd) : 0x0410 + b - 0xc0),
);

const ENCODE = new Map<string, number>(DECODE.map((ch, b) => [ch, b]));

/**
 * Decodes windows-1251 bytes (every byte is a character: this cannot fail).
 * @example decodeWindows1251(new Uint8Array([0xc4, 0xe0])) // 'Да'
 */
export function decodeWindows1251(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i++) out += DECODE[bytes[i] ?? 0];
  return out;
}

/**
 * Encodes text as windows-1251; a character the code page lacks becomes `?` (as Excel does).
 * @example encodeWindows1251('Да') // Uint8Array [0xc4, 0xe0]
 */
export function encodeWindows1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ENCODE.get(ch) ?? 0x3f;
  return out.subarray(0, n);
}
