import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUtf8, sniffFile } from '../../../src/domain/audit/sniff';
import { decodeWindows1251, encodeWindows1251 } from '../../../src/domain/audit/windows-1251';

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

describe('sniffFile', () => {
  it('reads a BOM as UTF-8 and counts its bytes', () => {
    expect(sniffFile(withBom('Номер накладной;Дата отправки\r\n'))).toEqual({
      encoding: 'utf-8',
      bomBytes: 3,
      separator: ';',
    });
  });

  it('reads valid UTF-8 without a BOM as UTF-8', () => {
    expect(sniffFile(utf8('waybill,shippedDate,status\n1,2025-03-01,вручен\n'))).toEqual({
      encoding: 'utf-8',
      bomBytes: 0,
      separator: ',',
    });
  });

  it('reads Russian text that is not UTF-8 as windows-1251', () => {
    const bytes = encodeWindows1251('Номер накладной;Дата отправки\r\n1;01.03.2025\r\n');
    expect(sniffFile(bytes)).toEqual({ encoding: 'windows-1251', bomBytes: 0, separator: ';' });
  });

  it('takes TAB when the header has most tabs', () => {
    expect(sniffFile(utf8('a\tb\tc,d\n')).separator).toBe('\t');
  });

  it('ignores separators inside quotes in the header', () => {
    expect(sniffFile(utf8('"Длина, см";"Ширина, см";"Высота, см"\n')).separator).toBe(';');
    expect(sniffFile(utf8('"a;b;c",d\n')).separator).toBe(',');
  });

  it('takes ; when the header has no separator at all', () => {
    expect(sniffFile(utf8('waybill\n123\n')).separator).toBe(';');
  });

  it('looks at the header line only', () => {
    expect(sniffFile(utf8('a;b\n1,5,6,7,8\n')).separator).toBe(';');
  });

  it('accepts a UTF-8 character cut by the end of the head', () => {
    const bytes = utf8('Дата');
    expect(sniffFile(bytes.subarray(0, 3)).encoding).toBe('utf-8');
  });
});

describe('isUtf8', () => {
  it.each([
    ['an overlong encoding', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a lone continuation byte', [0x80]],
    ['a lead byte followed by ASCII', [0xd0, 0x41]],
    ['windows-1251 "Да"', [0xc4, 0xe0]],
  ])('refuses %s', (_, bytes) => {
    expect(isUtf8(new Uint8Array(bytes))).toBe(false);
  });

  it('agrees with TextDecoder on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(isUtf8(utf8(s))).toBe(true);
      }),
    );
  });

  it('agrees with a fatal TextDecoder on any bytes (whole input)', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        // A cut final sequence is accepted by isUtf8 (a head may end mid-character).
        if (valid) expect(isUtf8(bytes)).toBe(true);
        else if (isUtf8(bytes)) {
          let cut = bytes.length - 1;
          while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
          expect(() => fatal.decode(bytes.subarray(0, cut))).not.toThrow();
        }
      }),
    );
  });
});

describe('windows-1251', () => {
  it('decodes every byte as the WHATWG table does', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(decodeWindows1251(all)).toBe(new TextDecoder('windows-1251').decode(all));
  });

  it('round-trips Russian text, ё and №', () => {
    const text = 'Ёжик №5: «вручен» — доставлен; Объявленная стоимость, ₽?';
    const bytes = encodeWindows1251(text);
    expect(bytes.length).toBe(text.length);
    expect(decodeWindows1251(bytes)).toBe(text.replace('₽', '?'));
  });
});
