/**
 * What personal data becomes when it is erased: a tombstone per category, chosen so that the
 * record still passes the answer schemas (a phone is still a phone number, an e-mail an
 * e-mail address), while ids, dates, statuses and money stay as they were, so analytics,
 * claim counts and the carrier's letter history still add up.
 */
import type { Claim, Claimant } from '../claim';
import { mentionsPerson, type PersonIdentifiers } from './identifiers';
import type { PersonalDataMark } from './types';

/**
 * The tombstones. `phone`: eleven zeros, a number no one has (so a search by any real phone
 * never finds an erased record) and valid under the claimant schema (`^\+?[0-9 ()-]{5,24}$`);
 * `email`: under `.invalid`, a top-level domain reserved never to resolve (RFC 2606).
 */
export const TOMBSTONES = {
  name: '[erased]',
  phone: '+00000000000',
  email: 'erased@erased.invalid',
  text: '[erased]',
  url: 'https://erased.invalid/',
} as const;

/** A customer (a claim's claimant, an order's customer) once erased. */
export const ERASED_PERSON: Claimant = {
  name: TOMBSTONES.name,
  email: TOMBSTONES.email,
  phone: TOMBSTONES.phone,
};

/**
 * Whether a customer is already a tombstone (nothing of a person left to find by it).
 * @example isErasedPerson(ERASED_PERSON) // true
 */
export const isErasedPerson = (person: Claimant): boolean =>
  person.name === TOMBSTONES.name &&
  person.email === TOMBSTONES.email &&
  person.phone === TOMBSTONES.phone;

/** A decimal string: how money (and counts) travel. */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Keys whose object is a person (name, e-mail, phone): replaced whole. */
const PERSON_KEYS: ReadonlySet<string> = new Set(['claimant', 'customer']);

/** The tombstone of a string under a key: a URL stays a URL, an e-mail an e-mail. */
function stringTombstone(key: string | undefined): string {
  if (key === 'url') return TOMBSTONES.url;
  if (key === 'email') return TOMBSTONES.email;
  if (key === 'phone') return TOMBSTONES.phone;
  return TOMBSTONES.text;
}

/**
 * A JSON value with the person erased: every `claimant` / `customer` object becomes the
 * erased person, every string that names the person (`mentionsPerson`) its tombstone;
 * everything else (ids, dates, statuses, money) as it was. Pure: the input is not changed.
 *
 * @example scrubJson({ note: 'Анна Петрова called' }, who) // { note: '[erased]' }
 */
export function scrubJson(value: unknown, who: PersonIdentifiers, key?: string): unknown {
  if (typeof value === 'string') {
    // An amount is money, never a phone, even when its digits happen to end like one.
    if (DECIMAL.test(value)) return value;
    return mentionsPerson(value, who) ? stringTombstone(key) : value;
  }
  if (Array.isArray(value)) return value.map((entry) => scrubJson(entry, who, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, entry] of Object.entries(value)) {
      out[name] =
        PERSON_KEYS.has(name) && entry !== null && typeof entry === 'object'
          ? { ...ERASED_PERSON }
          : scrubJson(entry, who, name);
    }
    return out;
  }
  return value;
}

/**
 * A claim with its customer erased: the claimant a tombstone, the description (the
 * customer's own words) `[erased]`, any other text naming the person too; the mark says
 * when and by which act. Ids, dates, statuses, money and the version stay.
 *
 * @example erasedClaim(claim, who, { erasedAt, erasureId: 'pde_…' }).claimant.phone // '+00000000000'
 */
export function erasedClaim(claim: Claim, who: PersonIdentifiers, mark: PersonalDataMark): Claim {
  const scrubbed = scrubJson(claim, who) as Claim;
  return {
    ...scrubbed,
    claimant: { ...ERASED_PERSON },
    description: TOMBSTONES.text,
    personalData: { ...mark },
  };
}

/**
 * A JSON document (a claim as answered, an event, an order) as text, erased; the same text
 * when there was nothing to erase (so a re-run writes nothing).
 *
 * @example scrubText('{"note":"x"}', who) // '{"note":"x"}'
 */
export function scrubText(json: string, who: PersonIdentifiers): string {
  const before = JSON.parse(json) as unknown;
  const after = scrubJson(before, who);
  const text = JSON.stringify(after);
  return text === JSON.stringify(before) ? json : text;
}
