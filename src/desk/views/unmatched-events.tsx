import type { ShipmentEvent } from '../../domain/shipment';
import { carrierEventsFor, reasonOf } from '../i18n/carrier-events';
import type { Language } from '../i18n/lang';
import { Layout } from './layout';
import { CarrierQuotes, carrierWordsOf, EventLabel, SourceTag } from './parts/carrier-event';
import { Instant } from './parts/instant';
import { Listing } from './parts/listing';
import { TextField } from './parts/fields';

/**
 * A carrier event no shipment took yet, as the page needs it (the carrier-events service's
 * `UnmatchedEventView` has this shape).
 */
export interface UnmatchedRow {
  eventId: string;
  carrier: string;
  waybill?: string | undefined;
  orderNumber?: string | undefined;
  receivedAt: string;
  /** `no_shipment`, `ambiguous`, or `refused: <the rule's message>`. */
  reason: string;
  event: ShipmentEvent;
}

export interface UnmatchedEventsProps {
  lang: Language;
  path: string;
  csrf: string;
  shopId: string;
  events: UnmatchedRow[];
  /** Who each carrier is, in the page language. */
  carrierName: (id: string) => string;
  nextHref?: string | undefined;
  /** The page link's cursor was refused: this is the first page. */
  badCursor?: boolean;
}

/**
 * The desk's page of a shop's unmatched carrier events.
 * @example unmatchedHref('s 1') // '/desk/shops/s%201/unmatched'
 */
export const unmatchedHref = (shopId: string): string =>
  `/desk/shops/${encodeURIComponent(shopId)}/unmatched`;

/** Where the shop form goes: it answers with the shop's page (GET, so no CSRF token). */
export const FIND_SHOP_PATH = '/desk/unmatched';

/**
 * A small form for the unmatched events of a shop the clerk names (the late queue shows it).
 * @example <FindShopForm lang="en" />
 */
export function FindShopForm(props: { lang: Language }) {
  const m = carrierEventsFor(props.lang);
  return (
    <form method="get" action={FIND_SHOP_PATH} class="shop-find card" aria-label={m.findShop}>
      <TextField id="find-shop" name="shop" lang={props.lang} label={m.shopId} value="" required />
      <button type="submit" class="secondary">
        {m.unmatchedLink}
      </button>
    </form>
  );
}

/** Why the event waits, in words; a refusal's detail (the rule's English message) after it. */
function Reason(props: { reason: string; lang: Language }) {
  const m = carrierEventsFor(props.lang);
  const { reason, detail } = reasonOf(props.reason);
  return (
    <td class="reason">
      {reason ? m.reasons[reason] : m.none}
      {detail ? (
        <span class="sub" lang={props.lang === 'en' ? undefined : 'en'}>
          {detail}
        </span>
      ) : null}
    </td>
  );
}

function Row(props: { row: UnmatchedRow; lang: Language; carrier: string }) {
  const { row, lang } = props;
  const m = carrierEventsFor(lang);
  return (
    <tr>
      <td class="date">
        <Instant lang={lang} at={row.receivedAt} />
      </td>
      <td>{props.carrier}</td>
      <th scope="row" class="waybill">
        {row.waybill ?? m.none}
      </th>
      <td>{row.orderNumber ?? m.none}</td>
      <td class="carrier-says">
        <CarrierQuotes words={carrierWordsOf(row.event)} lang={lang} />
      </td>
      <td>
        <EventLabel event={row.event} lang={lang} /> <SourceTag event={row.event} lang={lang} />
      </td>
      <Reason reason={row.reason} lang={lang} />
    </tr>
  );
}

/**
 * Events the carrier sent for parcels no order of the shop names yet, newest first: when
 * each came, the carrier's words, what it would be recorded as, and why it waits; or a
 * friendly word on what such events are, when there are none.
 * @example <UnmatchedEventsPage lang="en" path="/desk/shops/s1/unmatched" csrf={token} shopId="s1" events={items} carrierName={name} />
 */
export function UnmatchedEventsPage(props: UnmatchedEventsProps) {
  const { lang } = props;
  const m = carrierEventsFor(lang);
  const title = m.unmatchedTitle(props.shopId);
  return (
    <Layout lang={lang} title={title} path={props.path} csrf={props.csrf} wide>
      <h1>{title}</h1>
      {props.badCursor ? (
        <p class="notice" role="status">
          {m.badCursor}
        </p>
      ) : null}
      <p>{m.unmatchedIntro}</p>
      <Listing
        name="unmatched"
        caption={m.unmatchedCaption(props.events.length)}
        columns={[
          m.received,
          m.carrier,
          m.waybill,
          m.orderNumber,
          m.carrierStatus,
          m.wouldBe,
          m.reason,
        ]}
        empty={m.unmatchedEmpty}
        rows={props.events.map((row) => (
          <Row row={row} lang={lang} carrier={props.carrierName(row.carrier)} />
        ))}
        next={{ href: props.nextHref, label: m.next, nav: m.pages }}
      />
    </Layout>
  );
}
