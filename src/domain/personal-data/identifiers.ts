/**
 * A person's identifiers, normalised as they are compared: the pseudonymous subject index is
 * keyed by them (within the shop), and free text is searched for them before it is erased.
 */

const nfkc = (text: string): string => text.normalize('NFKC');

/**
 * A phone as the subject index keys it: its digits, a full Russian number without its trunk
 * prefix (`+7 912…`, `8 912…` and `912…` are one phone).
 *
 * @example normalizePhone('+7 (912) 345-67-89') // '9123456789'
 */
export function normalizePhone(phone: string): string {
  const digits = nfkc(phone).replace(/\D/g, '');
  return /^[78]\d{10}$/.test(digits) ? digits.slice(1) : digits;
}

/**
 * An e-mail as the subject index keys it: trimmed, NFKC, lower case (the local part is
 * case-sensitive in theory; no mail provider treats it so).
 *
 * @example normalizeEmail(' Anna@Example.COM ') // 'anna@example.com'
 */
export const normalizeEmail = (email: string): string => nfkc(email).trim().toLowerCase();

/** What identifies a person in free text: names, phones (normalised) and e-mails (normalised). */
export interface PersonIdentifiers {
  names: string[];
  phones: string[];
  emails: string[];
}

/** The fewest digits of a phone that count as naming it in text (shorter numbers are too common). */
const PHONE_DIGITS_IN_TEXT = 7;

/** A run of digits as a phone is written: at least 7 characters, digits at both ends. */
const PHONE_RUN = /\d[\d ().-]{5,}\d/g;

const folded = (text: string): string => nfkc(text).toLowerCase().replace(/\s+/g, ' ');

/**
 * Whether a text names the person: a full name, an e-mail, or a phone's last 7 digits
 * (among the text's digits, punctuation ignored). Case, spacing and Unicode form do not count.
 *
 * @example mentionsPerson('Called Анна Петрова back', { names: ['анна петрова'], phones: [], emails: [] }) // true
 */
export function mentionsPerson(text: string, who: PersonIdentifiers): boolean {
  const plain = folded(text);
  if (who.names.some((name) => name.length > 0 && plain.includes(folded(name)))) return true;
  if (who.emails.some((email) => email.length > 0 && plain.includes(email))) return true;
  // Phone-like runs only (digits with spaces, brackets, dashes, dots): the digits of a whole
  // timestamp or id run together could hold a phone's ending by chance.
  const runs = (nfkc(text).match(PHONE_RUN) ?? []).map((run) => run.replace(/\D/g, ''));
  return who.phones.some(
    (phone) =>
      phone.length >= PHONE_DIGITS_IN_TEXT &&
      runs.some((run) => run.includes(phone.slice(-PHONE_DIGITS_IN_TEXT))),
  );
}

/**
 * The identifiers of the people behind some customer records, merged (duplicates dropped).
 *
 * @example identifiersOf([{ name: 'Анна', email: 'a@b.ru', phone: '+7 900 1' }]).emails // ['a@b.ru']
 */
export function identifiersOf(
  people: readonly { name: string; email: string; phone: string }[],
): PersonIdentifiers {
  const unique = (values: string[]) => [...new Set(values.filter((v) => v.length > 0))];
  return {
    names: unique(people.map((p) => folded(p.name).trim())),
    phones: unique(people.map((p) => normalizePhone(p.phone))),
    emails: unique(people.map((p) => normalizeEmail(p.email))),
  };
}
