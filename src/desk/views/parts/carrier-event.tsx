/**
 * A shipment event as the desk says it (issue 22): our label (with a reschedule's new date or
 * a re-measurement's charge), the carrier's own words beside it in a quieter style, and a tag
 * naming where the event came from. Used by the order page's timeline and the page of a
 * shop's unmatched carrier events.
 */
import { formatDate, formatMoney } from '../../../format';
import { inTimeOrder, type ShipmentEvent } from '../../../domain/shipment';
import { analyticsFor } from '../../i18n/analytics';
import { carrierEventsFor } from '../../i18n/carrier-events';
import type { Language } from '../../i18n/lang';
import { labelsFor } from '../../i18n/labels';
import { shipmentStatusFor } from '../../i18n/orders';
import { Instant } from './instant';

/**
 * What the carrier said with an event, in its own words: its status (the name, else the
 * code), and a delivery problem's text (the name, else the code); each once.
 * @example carrierWordsOf({ eventId: 'e1', status: 'delivered', at: '2025-03-10T10:00:00+03:00', carrierStatus: { code: 'DELIVERED', name: 'Вручен' } }) // ['Вручен']
 */
export function carrierWordsOf(event: ShipmentEvent): string[] {
  const status = event.carrierStatus ? (event.carrierStatus.name ?? event.carrierStatus.code) : '';
  const problem = event.status === 'problem' ? (event.problem.name ?? event.problem.code) : '';
  return [status, problem].filter((text, i, all) => text !== '' && all.indexOf(text) === i);
}

/**
 * The carrier's words of the latest event (in time, not arrival, order) that has any: what the
 * carrier last said about the shipment.
 * @example latestCarrierWords(shipment.events) // ['Принят на склад транзита']
 */
export function latestCarrierWords(events: readonly ShipmentEvent[]): string[] {
  return (
    inTimeOrder(events)
      .map(carrierWordsOf)
      .filter((words) => words.length > 0)
      .at(-1) ?? []
  );
}

/**
 * The language a carrier's text is written in, when a page must say it differs from its own:
 * CDEK writes Russian (a screen reader on an English page then reads it as Russian).
 * @example textLanguage('Вручен', 'en') // 'ru'
 * @example textLanguage('Вручен', 'ru') // undefined
 */
export function textLanguage(text: string, page: Language): Language | undefined {
  const lang = /[а-яё]/i.test(text) ? 'ru' : /[a-z]/i.test(text) ? 'en' : undefined;
  return lang === page ? undefined : lang;
}

/** The carrier's words, each quoted, in its own language (`; ` between two). */
export function CarrierQuotes(props: { words: readonly string[]; lang: Language }) {
  return (
    <>
      {props.words.map((text, i) => (
        <>
          {i > 0 ? '; ' : ''}
          <q lang={textLanguage(text, props.lang)}>{text}</q>
        </>
      ))}
    </>
  );
}

/** The carrier's words, quieter than ours: "carrier: «Вручен»". */
export function CarrierWords(props: { words: readonly string[]; lang: Language }) {
  if (props.words.length === 0) return null;
  return (
    <span class="carrier-says">
      {carrierEventsFor(props.lang).carrierSays} <CarrierQuotes {...props} />
    </span>
  );
}

/** Where the event came from, as a small tag (absent: the shop's API). */
export function SourceTag(props: { event: ShipmentEvent; lang: Language }) {
  const m = carrierEventsFor(props.lang);
  const source = props.event.source ?? 'api';
  return (
    <span class={`badge source source-${source}`}>
      <span class="visually-hidden">{m.sourceIs} </span>
      {m.sources[source]}
    </span>
  );
}

/**
 * Our label of the event, and what it holds besides its kind: a reschedule's new date and
 * reason, a re-measurement's charge, a delivery problem's cause (by its name).
 */
export function EventLabel(props: { event: ShipmentEvent; lang: Language }) {
  const { event, lang } = props;
  const label = shipmentStatusFor(lang)[event.status];
  if (event.status === 'rescheduled') {
    const reason = labelsFor(lang).rescheduleReason[event.reason];
    return <>{`${label} → ${formatDate(lang, event.promisedDate)} (${reason})`}</>;
  }
  if (event.status === 'remeasured') return <>{`${label}: ${formatMoney(lang, event.charged)}`}</>;
  if (event.status === 'problem' && event.cause) {
    const cause = analyticsFor(lang).causes[event.cause];
    return <>{`${label} (${carrierEventsFor(lang).causeIs} ${cause.toLowerCase()})`}</>;
  }
  return <>{label}</>;
}

/**
 * One event of a timeline: when, our label, the carrier's words, where it came from.
 * @example <EventItem event={event} lang="en" />
 */
export function EventItem(props: { event: ShipmentEvent; lang: Language }) {
  const { event, lang } = props;
  return (
    <li class="event">
      <Instant lang={lang} at={event.at} /> —{' '}
      <span class="our-label">
        <EventLabel event={event} lang={lang} />
      </span>{' '}
      <CarrierWords words={carrierWordsOf(event)} lang={lang} />{' '}
      <SourceTag event={event} lang={lang} />
    </li>
  );
}
