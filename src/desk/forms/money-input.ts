/**
 * Amounts as a clerk types them, turned into the API's strict decimal string before any
 * schema sees them: the one reading of every money field of the desk. The API keeps its
 * strict strings ("1234.50"); the desk accepts how people write money.
 *
 * The rule (each money field's hint says it):
 * - digits, with spaces between the thousands if you like — plain, no-break (U+00A0), narrow
 *   no-break (U+202F) or thin (U+2009), as Russian text and copied amounts have them;
 * - at most one separator, a comma or a point, and it always starts the decimals:
 *   «1 234,50», "1234.50", «500»;
 * - a comma and a point together, or either twice ("1,234.50", «1.234.567»), is refused as
 *   ambiguous: one is a thousands separator in some languages and the decimals in others,
 *   and a wrong guess moves an amount by a factor of a thousand.
 * A leading minus is passed on, so the API says what it says about a negative amount.
 */
import type { FieldIssue } from '../../http/field-issues';
import type { Language } from '../i18n/lang';

/** The spaces that may group thousands. */
const SPACE = '[ \\u00A0\\u202F\\u2009]';
const PLAIN = /^\d+$/;
const GROUPED = new RegExp(`^\\d{1,3}(?:${SPACE}\\d{3})+$`);
const SEPARATOR = /[.,]/g;

/** The form has no field format of its own in the API: these are the desk's two. */
const NOT_AN_AMOUNT: FieldIssue = {
  code: 'invalid_format',
  params: { format: 'amount' },
  message:
    'is not an amount: write digits, a comma or a point before the decimals, spaces between thousands if you like, e.g. 1234.50 or 1 234,50',
};
const AMBIGUOUS: FieldIssue = {
  code: 'invalid_format',
  params: { format: 'ambiguous_amount' },
  message:
    'has both a comma and a point, or one of them twice, so it could be read two ways: use one, once, before the decimals, and spaces between thousands (e.g. 1 234,50)',
};

/** An amount read as the API writes it, or why it cannot be read. */
export type MoneyInput = { amount: string } | { issue: FieldIssue };

/**
 * What a clerk typed in a money field as the API's decimal string. Empty stays empty (the
 * schema then says the field is required where it is).
 *
 * @example parseMoneyInput('1 234,50') // { amount: '1234.50' }
 * @example parseMoneyInput('1234.50') // { amount: '1234.50' }
 * @example parseMoneyInput('1,234.50') // { issue: { code: 'invalid_format', params: { format: 'ambiguous_amount' }, … } }
 */
export function parseMoneyInput(typed: string): MoneyInput {
  const text = typed.trim();
  if (text === '') return { amount: '' };
  const sign = text.startsWith('-') ? '-' : '';
  const unsigned = text.slice(sign.length).trimStart();
  if ((unsigned.match(SEPARATOR) ?? []).length > 1) return { issue: AMBIGUOUS };
  const [whole = '', fraction] = unsigned.split(SEPARATOR);
  const digits = PLAIN.test(whole) || GROUPED.test(whole) ? whole.replace(/\D/g, '') : undefined;
  if (digits === undefined || (fraction !== undefined && !PLAIN.test(fraction))) {
    return { issue: NOT_AN_AMOUNT };
  }
  return { amount: `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}` };
}

/**
 * An amount (the API's decimal string) as a money field shows it for editing: the decimal
 * comma on a Russian page, so that sending it back reads the same amount.
 *
 * @example moneyInputValue('ru', '1000.00') // '1000,00'
 * @example moneyInputValue('en', '1000.00') // '1000.00'
 */
export const moneyInputValue = (lang: Language, amount: string): string =>
  lang === 'ru' ? amount.replace('.', ',') : amount;

/**
 * The money fields of a posted form read as the API writes amounts, and the issues of those
 * that cannot be read, by field.
 *
 * @example moneyFields({ amount: '500,00' }, ['amount']) // { amounts: { amount: '500.00' }, issues: {} }
 */
export function moneyFields(
  form: Readonly<Record<string, string | undefined>>,
  names: readonly string[],
): { amounts: Record<string, string>; issues: Record<string, FieldIssue> } {
  const amounts: Record<string, string> = {};
  const issues: Record<string, FieldIssue> = {};
  for (const name of names) {
    const read = parseMoneyInput(form[name] ?? '');
    if ('issue' in read) issues[name] = read.issue;
    else amounts[name] = read.amount;
  }
  return { amounts, issues };
}
