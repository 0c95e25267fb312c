/**
 * Instants on desk pages, in the signed-in clerk's time zone (a setting per clerk, default
 * Europe/Moscow), the zone named with every time. The API and the stored records stay in UTC.
 */
import { createContext, useContext } from 'hono/jsx';
import { DEFAULT_TIME_ZONE, formatInstant } from '../../../format';
import type { Language } from '../../i18n/lang';

/** The zone the page's times are written in, and its name for the footer: provided once per page by `renderPage`. */
export const DeskTimeZone = createContext<{ zone: string; label: string }>({
  zone: DEFAULT_TIME_ZONE,
  label: DEFAULT_TIME_ZONE,
});

/**
 * A formatter of instants for this page's language and the clerk's zone (call it in a
 * component: it reads the page's context).
 *
 * @example const at = useInstant(lang); <td>{at(event.at)}</td> // '16 Jun 2025, 12:05 Moscow Time'
 */
export function useInstant(lang: Language): (iso: string) => string {
  const { zone } = useContext(DeskTimeZone);
  return (iso) => formatInstant(lang, iso, zone);
}

/**
 * An instant as a `<time>` element: machine-readable UTC, written in the clerk's zone.
 *
 * @example <Instant lang="ru" at="2025-06-16T09:05:00Z" /> // <time datetime="…">16 июн. 2025 г., 12:05 Москва</time>
 */
export function Instant(props: { lang: Language; at: string }) {
  const at = useInstant(props.lang);
  return <time datetime={props.at}>{at(props.at)}</time>;
}
