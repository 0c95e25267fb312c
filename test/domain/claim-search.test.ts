/**
 * Search normalisation (src/storage/claim-search.ts): a pure function, so tested here with
 * the other pure units. Stored keys (`searchValues`) and queries (`searchPrefix`) go through
 * the same functions; a query matches when its key is the start of the stored one.
 */
import { describe, expect, it } from 'vitest';
import { searchFieldsFor } from '../../src/services/casework';
import {
  foldText,
  normalizeCode,
  normalizeName,
  phoneKey,
  phoneSearchKey,
  SEARCH_KEY_MAX,
  searchPrefix,
  searchValues,
  type SearchField,
} from '../../src/storage/claim-search';

const claimOf = (
  name: string,
  extra: { waybill?: string; orderId?: string; phone?: string } = {},
) => ({
  claimant: { name, email: 'p@example.com', phone: extra.phone ?? '+7 (912) 345-67-89' },
  waybill: extra.waybill ?? '1234567890',
  ...(extra.orderId === undefined ? {} : { orderId: extra.orderId }),
});

/** Whether a search of `field` for `text` finds a claim with these values (the listing's rule). */
const finds = (stored: ReturnType<typeof claimOf>, field: SearchField, text: string): boolean => {
  const prefix = searchPrefix({ field, text });
  return prefix !== '' && (searchValues(stored)[field] ?? '').startsWith(prefix);
};

describe('a name search (issue 19, item 6)', () => {
  const petr = claimOf('Пётр Иванов');

  it('ignores spaces entirely: `петрив` finds `Пётр Иванов`, as `петр  ив` does', () => {
    expect(finds(petr, 'name', 'петрив')).toBe(true);
    expect(finds(petr, 'name', 'петр  ив')).toBe(true);
    expect(finds(petr, 'name', ' ПЁТР ИВ ')).toBe(true);
    expect(finds(petr, 'name', 'пе тр\u00a0ив\u3000ан')).toBe(true);
    expect(normalizeName('  Пётр \t ИВАНОВ ')).toBe('петриванов');
  });

  it('finds decomposed (NFD) input as composed, and a claim filed in NFD by composed input', () => {
    expect(finds(petr, 'name', 'Пе\u0308тр')).toBe(true);
    expect(finds(claimOf('Jose\u0301 Garci\u0301a'), 'name', 'josé garcía')).toBe(true);
    expect(finds(claimOf('José García'), 'name', 'Jose\u0301')).toBe(true);
    expect(finds(claimOf('Пе\u0308тр Иванов'), 'name', 'петр ив')).toBe(true);
    expect(normalizeName('Jose\u0301')).toBe(normalizeName('José'));
    expect(normalizeName('Й'.normalize('NFD'))).toBe('й');
  });

  it('folds ё to е (both cases) and case, but keeps other letters apart', () => {
    expect(normalizeName('ЁЛКИН Фёдор')).toBe('елкинфедор');
    expect(finds(claimOf('Фёдор Ёлкин'), 'name', 'ФЕДОР ЕЛ')).toBe(true);
    expect(finds(claimOf('Фёдор Ёлкин'), 'name', 'фёдор ёл')).toBe(true);
    // й is not и, é is not e: only ё is folded, as Russian writing does.
    expect(finds(claimOf('Андрей'), 'name', 'андреи')).toBe(false);
    expect(finds(claimOf('José'), 'name', 'jose')).toBe(false);
  });

  it('folds case without a locale: ß/SS, final sigma, İ and ı as i', () => {
    expect(normalizeName('Straße')).toBe(normalizeName('STRASSE'));
    expect(normalizeName('ΟΔΥΣΣΕΥΣ')).toBe(normalizeName('οδυσσευς'));
    expect(normalizeName('İstanbul')).toBe('istanbul');
    expect(normalizeName('I\u0307stanbul')).toBe('istanbul');
    expect(normalizeName('Yıldız')).toBe(normalizeName('YILDIZ'));
    expect(foldText('Ｊose\u0301')).toBe('josé');
  });

  it('folds compatibility forms (NFKC) and drops invisible characters', () => {
    expect(normalizeName('Ａｎｎａ')).toBe('anna');
    expect(normalizeName('ﬁona')).toBe('fiona');
    expect(normalizeName('Ан\u00adна\u200b Пет\u200dрова\ufeff')).toBe('аннапетрова');
  });

  it('keeps keys within an index key, cutting query and key alike', () => {
    // NFKC spells U+FDFA in 18 letters: 200 of them would pass 1024 bytes of sort key.
    const long = '\ufdfa'.repeat(200);
    const key = normalizeName(long);
    expect(Array.from(key)).toHaveLength(SEARCH_KEY_MAX);
    expect(new TextEncoder().encode(key).length).toBeLessThanOrEqual(4 * SEARCH_KEY_MAX);
    expect(finds(claimOf(long), 'name', long)).toBe(true);
  });

  it('has nothing to search by in spaces or invisible characters alone', () => {
    expect(searchPrefix({ field: 'name', text: ' \u200b\u00a0 ' })).toBe('');
  });
});

describe('phone, order id and waybill searches', () => {
  it('read a phone by its digits, last first, full-width digits included', () => {
    const claim = claimOf('Анна', { phone: '+7 (912) 345-67-89' });
    expect(phoneKey('+7 (912) 345-67-89')).toBe('98765432197');
    expect(phoneSearchKey('8 (912) 345-67-89')).toBe('9876543219');
    expect(finds(claim, 'phone', '８ ９１２ ３４５-６７-８９')).toBe(true);
    expect(finds(claim, 'phone', '67-89')).toBe(true);
    expect(finds(claim, 'phone', '67-88')).toBe(false);
    // Without `in`, full-width digits are tried where digits are.
    expect(searchFieldsFor('８ ９１２ ３４５')).toEqual(['phone', 'waybill']);
  });

  it('compare codes in NFKC, upper case, trimmed; inside spaces count', () => {
    expect(normalizeCode(' ａ-1002 ')).toBe('A-1002');
    expect(normalizeCode('zq\u200b-7781')).toBe('ZQ-7781');
    const claim = claimOf('Анна', { waybill: 'ZQ-7781', orderId: 'Ord-55' });
    expect(finds(claim, 'waybill', 'ｚｑ-77')).toBe(true);
    expect(finds(claim, 'orderId', 'ord-5')).toBe(true);
    expect(finds(claim, 'waybill', 'ZQ 77')).toBe(false);
  });
});
