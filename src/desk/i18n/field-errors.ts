/**
 * Field errors in the desk's languages. English is the API's own message (the
 * schema's, or ours for the code), its amounts and counts written the English way;
 * Russian is keyed by the same stable code as the API's `errors[].code`, with its
 * params (./field-errors-ru.ts). Messages a schema writes itself are translated by
 * their English text, as a catalogue (./field-errors-words-ru.ts).
 */
import { fieldMessage, type FieldIssue } from '../../http/field-issues';
import { countOf } from '../../format';
import type { Language } from './lang';
import { formatParam } from './lines';
import { GENERIC_RU, russianFieldError } from './field-errors-ru';
import { schemaRussian } from './field-errors-words-ru';

/**
 * What the desk shows beside a field for an issue, in the page's language.
 *
 * @example fieldErrorText('ru', { code: 'required', params: {}, message: 'is required' }) // 'обязательное поле'
 * @example fieldErrorText('en', { code: 'required', params: {}, message: 'is required' }) // 'is required'
 */
export function fieldErrorText(lang: Language, issue: FieldIssue): string {
  if (lang === 'en') return withAmounts('en', english(issue));
  const text = schemaRussian(issue.message) ?? russianFieldError(issue);
  // A rule with no Russian of its own yet still says why, in the API's words.
  return text === GENERIC_RU ? `${GENERIC_RU}: ${withAmounts('ru', issue.message)}` : text;
}

/** Limits the API words with a count ("at most 1 characters"): by English plural rules. */
const EN_COUNTS: Partial<Record<FieldIssue['code'], (n: string) => string>> = {
  too_short: (n) => `must be at least ${n} long`,
  too_long: (n) => `must be at most ${n} long`,
  too_few: (n) => `must have at least ${n}`,
  too_many: (n) => `must have at most ${n}`,
};

/** The API's English, a count with its noun in the right form where the API words it alone. */
function english(issue: FieldIssue): string {
  const words = EN_COUNTS[issue.code];
  if (words === undefined || issue.message !== fieldMessage(issue.code, issue.params)) {
    return issue.message;
  }
  const limit = Number(issue.params.maximum ?? issue.params.minimum);
  const noun =
    issue.code === 'too_short' || issue.code === 'too_long'
      ? { one: 'character', other: 'characters' }
      : { one: 'item', other: 'items' };
  return words(countOf('en', limit, noun));
}

/** Amounts as the domain writes them in a message (`1000.00 RUB`). */
const AMOUNT = /\b\d+(?:\.\d+)? [A-Z]{3}\b/g;

/**
 * A message with each amount written for the language.
 *
 * @example withAmounts('en', 'at most the approved 1000.00 RUB') // 'at most the approved RUB 1,000.00'
 */
export const withAmounts = (lang: Language, message: string): string =>
  message.replace(AMOUNT, (amount) => String(formatParam(lang, amount)));
