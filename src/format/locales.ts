/** The Intl locale each language is written in, shared by the desk, letters and messages. */
import type { Language } from '../domain/explain';

/**
 * Intl locales: en-GB writes dates day first, like the Russian letters do.
 *
 * @example new Intl.NumberFormat(LOCALES.ru).format(1234) // '1 234'
 */
export const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', ru: 'ru-RU' };
