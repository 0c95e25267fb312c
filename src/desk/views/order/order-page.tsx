import { CSRF_FIELD } from '../../session/csrf';
import { Instant } from '../parts/instant';
import { commonFor } from '../../i18n/common';
import { formatDate, formatDecimal, formatMoney } from '../../../format';
import { carrierEventsFor } from '../../i18n/carrier-events';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import { deskLine } from '../../i18n/lines';
import { ordersFor, shipmentStatusFor } from '../../i18n/orders';
import { CLAIM_TYPES } from '../../../domain/claim';
import type { OrderWithClaims, ShipmentWithClaims } from '../../../services/shipment-claims';
import { Layout } from '../layout';
import { unmatchedHref } from '../unmatched-events';
import { CarrierWords, EventItem, latestCarrierWords } from '../parts/carrier-event';
import { SelectField, TextArea, TextField } from '../parts/fields';
import { FieldError } from '../parts/field-error';
import { LandOnFirstError } from '../parts/first-error';
import { FORM_LEVEL, type FieldErrors } from '../../forms/field-errors';
import type { ShipmentClaimValues } from '../../forms/shipment-claim-form';

/** A shipment's claim form that came back refused: what was typed, and why, by field. */
export interface FailedShipmentClaim {
  shipmentId: string;
  values: ShipmentClaimValues;
  errors: FieldErrors;
}

export interface OrderPageProps {
  lang: Language;
  path: string;
  csrf: string;
  order: OrderWithClaims;
  /** Who the carrier of each shipment is, in the page language. */
  carrierName: (id: string) => string;
  failed?: FailedShipmentClaim | undefined;
}

/** Where a shipment's claim form posts. */
export const claimAction = (shopId: string, shipmentId: string): string =>
  `/desk/shops/${encodeURIComponent(shopId)}/shipments/${encodeURIComponent(shipmentId)}/claim`;

/** The form that previews a claim on the shipment (it files only after the preview). */
function ClaimForm(props: {
  shipment: ShipmentWithClaims;
  lang: Language;
  csrf: string;
  failed: FailedShipmentClaim | undefined;
}) {
  const { shipment, lang } = props;
  const m = ordersFor(lang);
  const l = labelsFor(lang);
  const id = (name: string) => `${shipment.shipmentId}-${name}`;
  const values = props.failed?.values;
  const errors = props.failed?.errors ?? {};
  return (
    <form method="post" action={claimAction(shipment.shopId, shipment.shipmentId)} class="card">
      <h4>{m.fileClaim}</h4>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <FieldError id={id('form-error')} lang={lang} message={errors[FORM_LEVEL]} formLevel />
      <SelectField
        id={id('type')}
        name="type"
        lang={lang}
        label={m.claimType}
        value={values?.type ?? (shipment.lateness?.late ? 'late' : undefined)}
        error={errors.type}
        choices={CLAIM_TYPES.map((t) => ({ value: t, label: l.type[t] }))}
      />
      <TextArea
        id={id('description')}
        name="description"
        lang={lang}
        label={m.description}
        value={values?.description ?? ''}
        error={errors.description}
        required
      />
      <TextField
        id={id('documented')}
        name="documentedAmount"
        lang={lang}
        label={m.documentedAmount}
        hint={m.documentedHint}
        inputmode="decimal"
        value={values?.documentedAmount ?? ''}
        error={errors.documentedAmount}
      />
      <div class="actions">
        <button type="submit">{m.preview}</button>
      </div>
    </form>
  );
}

function Shipment(props: {
  shipment: ShipmentWithClaims;
  lang: Language;
  csrf: string;
  carrier: string;
  failed: FailedShipmentClaim | undefined;
}) {
  const { shipment: s, lang } = props;
  const m = ordersFor(lang);
  const l = labelsFor(lang);
  const statuses = shipmentStatusFor(lang);
  const titleId = `shipment-${s.shipmentId}`;
  return (
    <section class="card shipment" aria-labelledby={titleId}>
      <h2 id={titleId}>{m.shipmentTitle(s.shipmentId)}</h2>
      <dl class="facts">
        <dt>{m.status}</dt>
        <dd>
          {statuses[s.status]} <CarrierWords words={latestCarrierWords(s.events)} lang={lang} />
        </dd>
        <dt>{m.carrier}</dt>
        <dd>{props.carrier}</dd>
        <dt>{m.waybill}</dt>
        <dd>{s.waybill ?? m.noWaybill}</dd>
        {s.shippedDate ? (
          <>
            <dt>{m.shipped}</dt>
            <dd>{formatDate(lang, s.shippedDate)}</dd>
          </>
        ) : null}
        <dt>{m.promised}</dt>
        <dd>{formatDate(lang, s.deadline.promisedDate)}</dd>
        {s.deliveredDate ? (
          <>
            <dt>{m.delivered}</dt>
            <dd>{formatDate(lang, s.deliveredDate)}</dd>
          </>
        ) : null}
        <dt>{m.chargeableWeight}</dt>
        <dd>{m.kg(formatDecimal(lang, s.weight.totalChargeableKg))}</dd>
      </dl>
      <h3>{m.timeline}</h3>
      {s.events.length === 0 ? (
        <p>{m.noEvents}</p>
      ) : (
        <ol class="timeline">
          {s.events.map((event) => (
            <EventItem event={event} lang={lang} />
          ))}
        </ol>
      )}
      {[...s.deadline.lines, ...(s.remeasurement?.lines ?? [])].length > 0 ? (
        <ul class="lines">
          {[...s.deadline.lines, ...(s.remeasurement?.lines ?? [])].map((line) => (
            <li>{deskLine(lang, line)}</li>
          ))}
        </ul>
      ) : null}
      <h3>{m.charges}</h3>
      <ol class="lines">
        {s.charges.lines.map((line) => (
          <li>{deskLine(lang, line)}</li>
        ))}
      </ol>
      <h3>{m.lateness}</h3>
      {s.lateness?.late ? (
        <>
          <p class="amount">
            <span>{m.accrued}: </span>
            <strong>{formatMoney(lang, s.lateness.amount)}</strong> ({m.daysLate}:{' '}
            {s.lateness.businessDaysLate})
          </p>
          <ol class="lines">
            {s.lateness.lines.map((line) => (
              <li>{deskLine(lang, line)}</li>
            ))}
          </ol>
        </>
      ) : (
        <p>{m.notLate}</p>
      )}
      <h3>{m.claims}</h3>
      {s.claims.length === 0 ? (
        <p>{m.noClaims}</p>
      ) : (
        <ul class="claims">
          {s.claims.map((claim) => (
            <li>
              <a href={`/desk/claims/${claim.id}`}>{l.type[claim.type]}</a> —{' '}
              {l.status[claim.status]}, {m.claimAmount}: {formatMoney(lang, claim.amount)}
              {claim.approvedAmount
                ? `, ${m.approved}: ${formatMoney(lang, claim.approvedAmount)}`
                : ''}
              {claim.paidAmount ? `, ${m.paid}: ${formatMoney(lang, claim.paidAmount)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <ClaimForm
        shipment={s}
        lang={lang}
        csrf={props.csrf}
        failed={props.failed?.shipmentId === s.shipmentId ? props.failed : undefined}
      />
    </section>
  );
}

/**
 * An order: its customer and status, each shipment (timeline, charges, weight, lateness,
 * claims, the claim form), and what its claims come to.
 * @example <OrderPage lang="en" path="/desk/shops/s/orders/O-1" csrf={token} order={order} carrierName={name} />
 */
export function OrderPage(props: OrderPageProps) {
  const { order, lang } = props;
  const m = ordersFor(lang);
  const none = commonFor(lang).none;
  return (
    <Layout lang={lang} title={m.orderTitle(order.orderId)} path={props.path} csrf={props.csrf}>
      <h1>{m.orderTitle(order.orderId)}</h1>
      <dl class="facts card">
        <dt>{m.shop}</dt>
        <dd>
          {order.shopId} (
          <a href={unmatchedHref(order.shopId)}>
            {carrierEventsFor(lang).unmatchedLink.toLowerCase()}
          </a>
          )
        </dd>
        <dt>{m.placedAt}</dt>
        <dd>
          <Instant lang={lang} at={order.placedAt} />
        </dd>
        <dt>{m.customer}</dt>
        <dd>
          {order.customer.name}, {order.customer.email}, {order.customer.phone}
        </dd>
        <dt>{m.orderStatus}</dt>
        <dd>{shipmentStatusFor(lang)[order.status]}</dd>
      </dl>
      <section class="card" aria-labelledby="totals-title">
        <h2 id="totals-title">{m.totals}</h2>
        {order.claimTotals.length === 0 ? (
          <p>{none}</p>
        ) : (
          <table class="totals">
            <caption>{m.totalsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.currency}</th>
                <th scope="col">{m.counted}</th>
                <th scope="col">{m.claimAmount}</th>
                <th scope="col">{m.approved}</th>
                <th scope="col">{m.paid}</th>
              </tr>
            </thead>
            <tbody>
              {order.claimTotals.map((t) => (
                <tr>
                  <th scope="row">{t.currency}</th>
                  <td class="num">{t.claims}</td>
                  <td class="num">{formatMoney(lang, t.computed)}</td>
                  <td class="num">{formatMoney(lang, t.approved)}</td>
                  <td class="num">{formatMoney(lang, t.paid)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <LandOnFirstError>
        {order.shipments.map((s) => (
          <Shipment
            shipment={s}
            lang={lang}
            csrf={props.csrf}
            carrier={props.carrierName(s.carrier)}
            failed={props.failed}
          />
        ))}
      </LandOnFirstError>
    </Layout>
  );
}
