/** What the first bytes of a file say it is, for each accepted type, and what is refused. */
import { describe, expect, it } from 'vitest';
import {
  attachment,
  checkFile,
  EvidenceFileError,
  safeFileName,
} from '../../src/services/evidence-files';
import { asEvidenceFileType, sniffFileType } from '../../src/services/file-types';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );
/** An ISO-BMFF `ftyp` box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible);

describe('sniffFileType', () => {
  it('knows each accepted type by its magic number', () => {
    expect(sniffFileType(bytes('%PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffFileType(bytes([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffFileType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffFileType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    // An iPhone-style file: major brand mif1, HEVC named among the compatible brands.
    expect(sniffFileType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffFileType(ftyp('mif1', 'mif1'))).toBe('image/heif');
  });

  it('knows nothing else', () => {
    expect(sniffFileType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffFileType(bytes('RIFF', [1, 2, 3, 4], 'WAVE'))).toBeUndefined();
    expect(sniffFileType(ftyp('isom', 'mp41'))).toBeUndefined(); // an MP4 video
    expect(sniffFileType(bytes('%PD'))).toBeUndefined();
    expect(sniffFileType(new Uint8Array())).toBeUndefined();
  });
});

describe('checkFile', () => {
  it('takes HEIC bytes sent as image/heif, never the other way round', () => {
    expect(checkFile(ftyp('heic'), 'image/heif')).toBe('image/heif');
    expect(() => checkFile(ftyp('mif1'), 'image/heic')).toThrow(EvidenceFileError);
  });

  it('reads a declared type without its parameters or case', () => {
    expect(asEvidenceFileType('Application/PDF; charset=binary')).toBe('application/pdf');
    expect(asEvidenceFileType('application/pdfx')).toBeUndefined();
  });
});

describe('file names', () => {
  it('keeps the last part of a browser’s name, without control characters', () => {
    expect(safeFileName('C:\\fakepath\\акт.pdf')).toBe('акт.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b\nc.png')).toBe('abc.png');
    expect(safeFileName('   ')).toBeUndefined();
    expect([...(safeFileName('я'.repeat(300)) ?? '')]).toHaveLength(200);
  });

  it('gives a download an ASCII name and the exact one as filename*', () => {
    expect(attachment('акт "1".pdf')).toBe(
      `attachment; filename="___ _1_.pdf"; filename*=UTF-8''%D0%B0%D0%BA%D1%82%20%221%22.pdf`,
    );
  });
});
