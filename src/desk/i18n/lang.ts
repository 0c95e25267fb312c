/**
 * The desk's two languages (the same as the explanation lines'), the cookie
 * that remembers the clerk's choice, and the language a request is answered in.
 */
import { LANGUAGES, type Language } from '../../domain/explain';

export type { Language } from '../../domain/explain';

/** Name of the cookie remembering the clerk's language (a year). */
export const LANG_COOKIE = 'desk_lang';

/**
 * A language, if `value` is one.
 *
 * @example asLanguage('ru') // 'ru'
 * @example asLanguage('de') // undefined
 */
export function asLanguage(value: string | undefined): Language | undefined {
  return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : undefined;
}

/**
 * The language for a request: the remembered choice, else the browser's
 * first preference if it is Russian, else English.
 *
 * @example pickLanguage(undefined, 'ru-RU,ru;q=0.9,en;q=0.8') // 'ru'
 */
export function pickLanguage(
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const chosen = asLanguage(cookie);
  if (chosen) return chosen;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ru') ? 'ru' : 'en';
}
