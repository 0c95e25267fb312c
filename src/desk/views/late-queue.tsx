import { formatMoney } from '../../format';
import { analyticsFor } from '../i18n/analytics';
import type { Language } from '../i18n/lang';
import { labelsFor } from '../i18n/labels';
import { ordersFor, shipmentStatusFor } from '../i18n/orders';
import type { LateShipmentView } from '../../services/shipments';
import { Layout } from './layout';
import { Listing } from './parts/listing';
import { ShortDate } from './queue';
import { FindShopForm } from './unmatched-events';

export interface LateQueueProps {
  lang: Language;
  path: string;
  csrf: string;
  shipments: LateShipmentView[];
  nextHref?: string | undefined;
}

/** The desk's link to an order of a shop. @example orderHref('shop-1', 'O-1') // '/desk/shops/shop-1/orders/O-1' */
export const orderHref = (shopId: string, orderId: string): string =>
  `/desk/shops/${encodeURIComponent(shopId)}/orders/${encodeURIComponent(orderId)}`;

/** What has accrued, and the day it stopped growing once a claim settled the shipment. */
function Accrued(props: { shipment: LateShipmentView; lang: Language }) {
  const { shipment, lang } = props;
  if (!shipment.lateness) return null;
  const frozenOn = shipment.latenessFrozenOn;
  return (
    <>
      {formatMoney(lang, shipment.lateness.amount)}
      {frozenOn === undefined ? null : (
        <span class="frozen">
          {ordersFor(lang).frozenOn} <ShortDate lang={lang} at={frozenOn} />
        </span>
      )}
    </>
  );
}

/** The claim filed from the shipment: its type and status, linked; or none. */
function ClaimCell(props: { shipment: LateShipmentView; lang: Language }) {
  const { claim } = props.shipment;
  const l = labelsFor(props.lang);
  if (claim === undefined) return <td class="muted">{ordersFor(props.lang).noClaim}</td>;
  return (
    <td>
      <a href={`/desk/claims/${encodeURIComponent(claim.id)}`}>{l.type[claim.type]}</a>{' '}
      <span class={`badge status-${claim.status}`}>{l.status[claim.status]}</span>
    </td>
  );
}

/**
 * Late shipments of every shop, oldest deadline first: the waybill, why it is late, what has
 * accrued (stopped once a claim settled it), its status, and the claim filed from it.
 * @example <LateQueuePage lang="en" path="/desk/shipments/late" csrf={token} shipments={items} />
 */
export function LateQueuePage(props: LateQueueProps) {
  const { lang } = props;
  const m = ordersFor(lang);
  const statuses = shipmentStatusFor(lang);
  const causes = analyticsFor(lang).causes;
  return (
    <Layout lang={lang} title={m.lateTitle} path={props.path} csrf={props.csrf} current="late" wide>
      <h1>{m.lateTitle}</h1>
      <p>{m.lateIntro}</p>
      <p class="hint">{m.lateRule}</p>
      <Listing
        name="late-queue"
        caption={m.lateCaption(props.shipments.length)}
        columns={[
          m.shipment,
          m.waybill,
          m.promised,
          m.daysLate,
          m.accrued,
          m.cause,
          m.status,
          m.claim,
        ]}
        empty={m.lateEmpty}
        rows={props.shipments.map((s) => (
          <tr>
            {/* The shipment, and below it its shop and order: one column for three ids, so the claim fits the screen. */}
            <th scope="row">
              {s.shipmentId}
              <span class="sub">
                {m.shop} {s.shopId}, {m.order.toLowerCase()}{' '}
                <a href={orderHref(s.shopId, s.orderId)}>{s.orderId}</a>
              </span>
            </th>
            <td class="waybill">{s.waybill ?? m.noWaybill}</td>
            <td class="date">
              <ShortDate lang={lang} at={s.deadline.deadline} />
            </td>
            <td class="num">{s.lateness?.businessDaysLate ?? 0}</td>
            <td class="num">
              <Accrued shipment={s} lang={lang} />
            </td>
            <td>{causes[s.cause]}</td>
            <td>{statuses[s.status]}</td>
            <ClaimCell shipment={s} lang={lang} />
          </tr>
        ))}
        next={{ href: props.nextHref, label: m.next, nav: m.pages }}
      />
      <FindShopForm lang={lang} />
    </Layout>
  );
}
