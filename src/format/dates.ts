/**
 * Dates and instants for a language. A stored day is the same day wherever the page or the
 * letter is read (always written in UTC); an instant is shown in the reader's time zone, named.
 */
import type { Language } from '../domain/explain';
import { LOCALES } from './locales';

/** The desk's time zone for a clerk who chose none: most Russian shops and carriers keep Moscow time. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/**
 * Russian names of the zones Russian, Belarusian, Kazakh and Uzbek shops work in. Node's ICU
 * has them, but the Workers runtime's carries English zone names only («08:09 Moscow»): these
 * keep a Russian page Russian whichever runtime draws it.
 */
const RU_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Europe/Kaliningrad': 'Калининград',
  'Europe/Moscow': 'Москва',
  'Europe/Minsk': 'Минск',
  'Europe/Samara': 'Самара',
  'Asia/Yekaterinburg': 'Екатеринбург',
  'Asia/Tashkent': 'Ташкент',
  'Asia/Almaty': 'Алматы',
  'Asia/Omsk': 'Омск',
  'Asia/Novosibirsk': 'Новосибирск',
  'Asia/Krasnoyarsk': 'Красноярск',
  'Asia/Irkutsk': 'Иркутск',
  'Asia/Yakutsk': 'Якутск',
  'Asia/Vladivostok': 'Владивосток',
  'Asia/Magadan': 'Магадан',
  'Asia/Kamchatka': 'Камчатка',
};

/** The zone's own name in the language, when we keep one (else Intl's). */
const ownName = (lang: Language, timeZone: string): string | undefined =>
  lang === 'ru' ? RU_ZONE_NAMES[timeZone] : undefined;

/**
 * Whether `zone` is an IANA time zone this runtime knows (e.g. 'Asia/Novosibirsk', 'UTC').
 *
 * @example isTimeZone('Europe/Moscow') // true
 * @example isTimeZone('Mars/Olympus') // false
 */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

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
 * An instant (ISO 8601) as date and time in a time zone, which it names: the zone's generic
 * name in the language ("Moscow Time", «Москва»), or "UTC".
 *
 * @example formatInstant('en', '2025-06-16T09:05:00.000Z', 'UTC') // '16 Jun 2025, 09:05 UTC'
 * @example formatInstant('en', '2025-06-16T09:05:00.000Z', 'Europe/Moscow') // '16 Jun 2025, 12:05 Moscow Time'
 * @example formatInstant('ru', '2025-06-16T09:05:00.000Z', 'Europe/Moscow') // '16 июн. 2025 г., 12:05 Москва'
 */
export function formatInstant(lang: Language, iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const named = utc ? 'UTC' : ownName(lang, timeZone);
  const format = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    ...(named === undefined ? { timeZoneName: 'shortGeneric' as const } : {}),
  });
  return named === undefined ? format.format(date) : `${format.format(date)} ${named}`;
}

/**
 * The name of a time zone in a language, with its IANA id, for the desk's footer and settings.
 *
 * @example timeZoneLabel('en', 'Europe/Moscow', new Date('2025-06-16T00:00:00Z')) // 'Moscow Time (Europe/Moscow, GMT+3)'
 */
export function timeZoneLabel(lang: Language, timeZone: string, at: Date): string {
  const part = (style: 'shortGeneric' | 'shortOffset') =>
    new Intl.DateTimeFormat(LOCALES[lang], { timeZone, timeZoneName: style })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return `${ownName(lang, timeZone) ?? part('shortGeneric')} (${timeZone}, ${part('shortOffset')})`;
}
