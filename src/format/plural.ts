/**
 * A count and its noun, by the language's own plural rules (Intl.PluralRules, CLDR):
 * «1 претензия», «3 претензии», «5 претензий», «21 претензия»; "1 claim", "3 claims".
 */
import type { Language } from '../domain/explain';
import { LOCALES } from './locales';

/**
 * The forms of a noun by CLDR plural category. Russian uses one/few/many (and other, for
 * fractions); English one/other. `other` is required: it is every language's fallback.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<Language, Intl.PluralRules>();
function rulesFor(lang: Language): Intl.PluralRules {
  let found = rules.get(lang);
  if (!found) {
    found = new Intl.PluralRules(LOCALES[lang]);
    rules.set(lang, found);
  }
  return found;
}

/**
 * The form of the noun that goes with `n` in the language.
 *
 * @example pluralForm('ru', 4, { one: 'претензия', few: 'претензии', many: 'претензий', other: 'претензии' }) // 'претензии'
 * @example pluralForm('en', 1, { one: 'claim', other: 'claims' }) // 'claim'
 */
export function pluralForm(lang: Language, n: number, forms: PluralForms): string {
  return forms[rulesFor(lang).select(n)] ?? forms.other;
}

/**
 * `n` written in the language's digits, then its noun in the right form.
 *
 * @example countOf('ru', 5, { one: 'претензия', few: 'претензии', many: 'претензий', other: 'претензии' }) // '5 претензий'
 * @example countOf('en', 1200, { one: 'claim', other: 'claims' }) // '1,200 claims'
 */
export function countOf(lang: Language, n: number, forms: PluralForms): string {
  return `${new Intl.NumberFormat(LOCALES[lang]).format(n)} ${pluralForm(lang, n, forms)}`;
}

/**
 * The Russian form for `n` among one (1, 21), few (2–4, 22–24) and many (0, 5–20, 11–14…).
 *
 * @example russianPlural(2, ['день', 'дня', 'дней']) // 'дня'
 * @example russianPlural(11, ['день', 'дня', 'дней']) // 'дней'
 */
export function russianPlural(n: number, forms: readonly [one: string, few: string, many: string]) {
  return pluralForm('ru', n, { one: forms[0], few: forms[1], many: forms[2], other: forms[1] });
}
