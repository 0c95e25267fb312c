import { formatDate, formatMoney } from '../../format';
import type { Language } from '../i18n/lang';
import { ordersFor, shipmentStatusFor } from '../i18n/orders';
import type { ShipmentView } from '../../services/shipments';
import { Layout } from './layout';

export interface LateQueueProps {
  lang: Language;
  path: string;
  csrf: string;
  shipments: ShipmentView[];
  nextHref?: string | undefined;
}

/** The desk's link to an order of a shop. @example orderHref('shop-1', 'O-1') // '/desk/shops/shop-1/orders/O-1' */
export const orderHref = (shopId: string, orderId: string): string =>
  `/desk/shops/${encodeURIComponent(shopId)}/orders/${encodeURIComponent(orderId)}`;

/**
 * Late shipments of every shop, oldest deadline first, with what has accrued so far.
 * @example <LateQueuePage lang="en" path="/desk/shipments/late" csrf={token} shipments={items} />
 */
export function LateQueuePage(props: LateQueueProps) {
  const { lang } = props;
  const m = ordersFor(lang);
  const statuses = shipmentStatusFor(lang);
  return (
    <Layout lang={lang} title={m.lateTitle} path={props.path} csrf={props.csrf} current="late">
      <h1>{m.lateTitle}</h1>
      <p>{m.lateIntro}</p>
      {props.shipments.length === 0 ? (
        <p class="empty">{m.lateEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue late-queue">
            <caption>{m.lateCaption(props.shipments.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.shipment}</th>
                <th scope="col">{m.shop}</th>
                <th scope="col">{m.order}</th>
                <th scope="col">{m.promised}</th>
                <th scope="col">{m.daysLate}</th>
                <th scope="col">{m.accrued}</th>
                <th scope="col">{m.status}</th>
              </tr>
            </thead>
            <tbody>
              {props.shipments.map((s) => (
                <tr>
                  <th scope="row">{s.shipmentId}</th>
                  <td>{s.shopId}</td>
                  <td>
                    <a href={orderHref(s.shopId, s.orderId)}>{s.orderId}</a>
                  </td>
                  <td>{formatDate(lang, s.deadline.deadline)}</td>
                  <td class="num">{s.lateness?.businessDaysLate ?? 0}</td>
                  <td class="num">{s.lateness ? formatMoney(lang, s.lateness.amount) : ''}</td>
                  <td>{statuses[s.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.nextHref ? (
        <nav class="pages" aria-label={m.pages}>
          <a href={props.nextHref}>{m.next}</a>
        </nav>
      ) : null}
    </Layout>
  );
}
