/**
 * Dates and instants for a language, always in UTC: a stored day is the same day
 * wherever the page or the letter is read.
 */
import type { Language } from '../domain/explain';
import { LOCALES } from './locales';

/**
 * A calendar date (YYYY-MM-DD) written out; the day is the stored day, in any time zone.
 *
 * @example formatDate('en', '2025-06-16') // '16 June 2025'
 * @example formatDate('ru', '2025-06-16') // '16 июня 2025 г.'
 */
export function formatDate(lang: Language, isoDate: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(isoDate)?.[0];
  if (!day) return isoDate;
  const format = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' });
  return format.format(new Date(`${day}T00:00:00Z`));
}

/**
 * An instant (ISO 8601) as date and time in UTC, which the desk states.
 *
 * @example formatInstant('en', '2025-06-16T09:05:00.000Z') // '16 Jun 2025, 09:05 UTC'
 */
export function formatInstant(lang: Language, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = new Intl.DateTimeFormat(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  return `${format.format(date)} UTC`;
}
