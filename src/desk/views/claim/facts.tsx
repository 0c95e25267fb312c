import { claimFor } from '../../i18n/claim';
import { formatDate } from '../../../format';
import type { Language } from '../../i18n/lang';
import type { Fact } from '../parts/shipment-facts';
import type { Claim } from '../../../domain/claim';
import { factText } from '../parts/fact-value';
import { orderHref } from '../late-queue';

/**
 * The shipment (waybill, dates, the calculator's input) and the customer.
 *
 * @example <ShipmentFacts claim={claim} facts={shipmentFacts(claim.shipment)} lang="en" />
 */
export function ShipmentFacts(props: { claim: Claim; facts: Fact[]; lang: Language }) {
  const { claim, lang } = props;
  const m = claimFor(lang);
  return (
    <section aria-labelledby="shipment-title" class="card">
      <h2 id="shipment-title">{m.shipment}</h2>
      <dl class="facts">
        <dt>{m.waybill}</dt>
        <dd>{claim.waybill}</dd>
        {claim.orderId ? (
          <>
            <dt>{m.orderId}</dt>
            <dd>
              <a href={orderHref(claim.shopId, claim.orderId)} id="claim-order">
                {claim.orderId}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{m.shippedDate}</dt>
        <dd>{formatDate(lang, claim.shippedDate)}</dd>
        {props.facts.map((fact) => (
          <>
            <dt>{m.facts[fact.key]}</dt>
            <dd>{factText(lang, fact.value)}</dd>
          </>
        ))}
      </dl>
      <h3>{m.customer}</h3>
      <dl class="facts">
        <dt>{m.name}</dt>
        <dd>{claim.claimant.name}</dd>
        <dt>{m.email}</dt>
        <dd>{claim.claimant.email}</dd>
        <dt>{m.phone}</dt>
        <dd>{claim.claimant.phone}</dd>
      </dl>
      <h3>{m.description}</h3>
      <p class="prose">{claim.description}</p>
    </section>
  );
}
