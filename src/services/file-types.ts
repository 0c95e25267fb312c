/**
 * The file types evidence may be, and how each one's first bytes look (its
 * magic number). A file is taken for what its bytes say, never only for the
 * type its sender declared.
 */

/** The media types an evidence file may have. */
export const EVIDENCE_FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
] as const;
export type EvidenceFileType = (typeof EVIDENCE_FILE_TYPES)[number];

/** The file name ending each type gets when a download has no name of its own. */
export const EXTENSION_OF: Record<EvidenceFileType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'image/heif': 'heif',
};

/** What a file input accepts: the types and their usual name endings. */
export const ACCEPT_FILES = [
  ...EVIDENCE_FILE_TYPES,
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.heic',
  '.heif',
].join(',');

/** A declared `Content-Type` as one of the evidence types (parameters and case ignored). */
export function asEvidenceFileType(contentType: string | undefined): EvidenceFileType | undefined {
  const bare = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return EVIDENCE_FILE_TYPES.find((type) => type === bare);
}

const ascii = (bytes: Uint8Array, from: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean =>
  signature.every((byte, i) => bytes[i] === byte);

/** HEVC-coded HEIF brands (what `image/heic` means) and the general HEIF image brands. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

/** The brands of an ISO-BMFF `ftyp` box at the start of the file: major, then compatible. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return [];
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  const end = Math.min(Math.max(boxSize, 12), bytes.length, 4096);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

/**
 * The evidence type the bytes are, by their magic number, or undefined.
 * HEIF with an HEVC brand is `image/heic`; other HEIF images `image/heif`.
 *
 * @example sniffFileType(new TextEncoder().encode('%PDF-1.7\n…')) // 'application/pdf'
 */
export function sniffFileType(bytes: Uint8Array): EvidenceFileType | undefined {
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  const brands = ftypBrands(bytes);
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'image/heif';
  return undefined;
}

/**
 * Whether bytes of type `sniffed` may be stored as `declared`: the same type,
 * or HEIC declared as the general `image/heif` (every HEIC file is one).
 *
 * @example bytesMatchType('image/heic', 'image/heif') // true
 */
export const bytesMatchType = (
  sniffed: EvidenceFileType | undefined,
  declared: EvidenceFileType,
): boolean => sniffed === declared || (sniffed === 'image/heic' && declared === 'image/heif');
