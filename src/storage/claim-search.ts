/**
 * Searching claims by what a caller remembers of them: the customer's name or phone,
 * the shop's order id, the start of the waybill. Each field is normalised by the same
 * function when a claim is written (its search index keys) and when a search reads, so a
 * search matches however the value was typed: Unicode form (NFD `е` + U+0308 is `ё`,
 * full-width `Ａ` is `A`), case, `ё`/`е`, spaces in a name, a phone's punctuation and
 * trunk prefix do not matter. Keys written under an older rule are rewritten by the
 * claim-change consumer (`TallyRepository.writeSearch`), e.g. by `npm run rebuild-aggregates`.
 */
import type { Claim } from '../domain/claim';

/** The fields a search can look in (a claim id is looked up directly, not searched). */
export const SEARCH_FIELDS = ['name', 'phone', 'orderId', 'waybill'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A search of one field: the text as the caller typed it. */
export interface ClaimSearch {
  field: SearchField;
  text: string;
}

/**
 * The most characters (code points) of a key that count. A normalised value can be longer
 * than what was typed (NFKC spells `ﷺ` in 18 letters, case folding `ß` as `ss`), and an
 * index sort key holds at most 1024 bytes: 200 code points (at most 800 bytes) leave room
 * for `#<createdAt>#<id>`. Keys and queries are cut alike, so a longer query still matches.
 */
export const SEARCH_KEY_MAX = 200;

/**
 * Invisible characters a pasted text may carry (soft hyphen, zero-width space and joiners,
 * byte order mark, variation selectors): never part of what anyone means to search.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
/** Whitespace of every kind (after NFKC, which also turns `¨` into a space and a mark). */
const WHITESPACE = /\s/gu;
/** `İ` lowercases to `i` + combining dot above (U+0307): the dot is the `i`'s own. */
const DOTTED_I = /i\u0307/g;

const nfkc = (text: string): string => text.normalize('NFKC');
const capped = (key: string): string =>
  key.length <= SEARCH_KEY_MAX ? key : Array.from(key).slice(0, SEARCH_KEY_MAX).join('');

/**
 * Text as every field compares it: NFKC, invisible characters dropped, case folded.
 * NFKC rather than NFC: both compose what NFD input decomposed (`Jose\u0301` is `José`),
 * NFKC also folds compatibility forms a keyboard or a paste produces (full-width letters
 * and digits, ligatures, a non-breaking space); a key is only compared, never shown, so
 * nothing it drops is lost (the claim keeps the text as typed). Case: upper then lower
 * case, both locale-independent (unlike toLocale…Case), which folds more than lower case
 * alone (`ß`/`SS`/`ss`, `ς`/`σ`, `ı`/`I`/`i`) and, with `i̇` as `i`, makes `İ` an `i`;
 * NFKC again, as case mapping may decompose (`ǰ` upper-cases to `J` + U+030C).
 *
 * @example foldText('Ｊose\u0301') // 'josé'
 */
export function foldText(text: string): string {
  const cased = nfkc(text).replace(IGNORABLE, '').toUpperCase().toLowerCase();
  return nfkc(cased.replace(DOTTED_I, 'i'));
}

/**
 * A name as it is compared: folded (`foldText`), every space removed, `ё` as `е`, so
 * `петрив` is the start of `Пётр Иванов` (`петриванов`), as is `петр  ив`. Other marks
 * stay: `й` is not `и`, `é` is not `e`. (NFKC once more after the spaces go: a mark NFKC
 * had split off a spacing accent, `¨` → ` ̈`, then meets the letter before it.)
 *
 * @example normalizeName('  Пе\u0308тр   ИВАНОВ ') // 'петриванов'
 */
export const normalizeName = (text: string): string =>
  capped(nfkc(foldText(text).replace(WHITESPACE, '')).replaceAll('ё', 'е'));

/** Only the digits of a phone number, last first: a search by its ending is a prefix search. */
const reversedDigits = (digits: string): string => capped([...digits].reverse().join(''));

/** A phone's ASCII digits, after NFKC (so full-width `９１２` count as `912`). */
const digitsOf = (phone: string): string => nfkc(phone).replace(/\D/g, '');

/**
 * The stored phone key: every digit, last first.
 *
 * @example phoneKey('+7 (912) 345-67-89') // '98765432197'
 */
export const phoneKey = (phone: string): string => reversedDigits(digitsOf(phone));

/**
 * What a phone search reads: its digits, last first. A full Russian number (11 digits
 * after `7` or `8`) loses its trunk prefix, so `8 912…`, `+7 912…` and `912…` all match.
 *
 * @example phoneSearchKey('8 (912) 345-67-89') // '9876543219'
 */
export function phoneSearchKey(text: string): string {
  const digits = digitsOf(text);
  const national = /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits;
  return reversedDigits(national);
}

/**
 * Waybills and order ids compare in NFKC, invisible characters dropped, upper-cased,
 * without surrounding spaces (inside ones count: a code is matched as written).
 *
 * @example normalizeCode(' ａ-1002 ') // 'A-1002'
 */
export const normalizeCode = (text: string): string =>
  capped(nfkc(nfkc(text).replace(IGNORABLE, '').trim().toUpperCase()));

/**
 * The value a claim is found by in each field (absent: the claim has none).
 *
 * @example searchValues(claim).name // 'аннапетрова' (for `Анна Петрова`)
 */
export function searchValues(
  claim: Pick<Claim, 'claimant' | 'waybill' | 'orderId'>,
): Partial<Record<SearchField, string>> {
  const values: Partial<Record<SearchField, string>> = {
    name: normalizeName(claim.claimant.name),
    phone: phoneKey(claim.claimant.phone),
    waybill: normalizeCode(claim.waybill),
  };
  if (claim.orderId !== undefined) values.orderId = normalizeCode(claim.orderId);
  return values;
}

/**
 * The key prefix a search reads in its field's index ('' when the text has nothing to search by).
 *
 * @example searchPrefix({ field: 'phone', text: '45-67-89' }) // '987654'
 */
export function searchPrefix(search: ClaimSearch): string {
  switch (search.field) {
    case 'name':
      return normalizeName(search.text);
    case 'phone':
      return phoneSearchKey(search.text);
    case 'orderId':
    case 'waybill':
      return normalizeCode(search.text);
  }
}
