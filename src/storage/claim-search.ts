/**
 * Searching claims by what a caller remembers of them: the customer's name or phone,
 * the shop's order id, the start of the waybill. Each field is normalised the same way
 * when a claim is written (its search index keys) and when a search reads, so a search
 * matches however the value was typed: case, `ё`, spaces, a phone's punctuation and
 * trunk prefix do not matter.
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
 * A name as it is compared: lower case, `ё` as `е`, one space between words.
 *
 * @example normalizeName('  Пётр   ИВАНОВ ') // 'петр иванов'
 */
export const normalizeName = (text: string): string =>
  text.toLowerCase().replaceAll('ё', 'е').replace(/\s+/g, ' ').trim();

/** Only the digits of a phone number, last first: a search by its ending is a prefix search. */
const reversedDigits = (digits: string): string => [...digits].reverse().join('');

/**
 * The stored phone key: every digit, last first.
 *
 * @example phoneKey('+7 (912) 345-67-89') // '98765432197'
 */
export const phoneKey = (phone: string): string => reversedDigits(phone.replace(/\D/g, ''));

/**
 * What a phone search reads: its digits, last first. A full Russian number (11 digits
 * after `7` or `8`) loses its trunk prefix, so `8 912…`, `+7 912…` and `912…` all match.
 *
 * @example phoneSearchKey('8 (912) 345-67-89') // '9876543219'
 */
export function phoneSearchKey(text: string): string {
  const digits = text.replace(/\D/g, '');
  const national = /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits;
  return reversedDigits(national);
}

/** Waybills and order ids compare upper-cased, without surrounding spaces. */
export const normalizeCode = (text: string): string => text.trim().toUpperCase();

/**
 * The value a claim is found by in each field (absent: the claim has none).
 *
 * @example searchValues(claim).name // 'анна петрова'
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
