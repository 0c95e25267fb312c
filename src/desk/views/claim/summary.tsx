import { claimFor } from '../../i18n/claim';
import { Instant } from '../parts/instant';
import { formatDate } from '../../../format';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { Claim } from '../../../domain/claim';

/**
 * Status, type, carrier, shop and deadlines: what a clerk scans first.
 *
 * @example <Summary claim={claim} lang="en" carrier="CDEK parcels" overdue={false} />
 */
export function Summary(props: {
  claim: Claim;
  lang: Language;
  carrier: string;
  overdue: boolean;
}) {
  const { claim, lang } = props;
  const m = claimFor(lang);
  const l = labelsFor(lang);
  return (
    <section aria-labelledby="summary-title" class="card">
      <h2 id="summary-title">{m.summary}</h2>
      <dl class="facts">
        <dt>{m.status}</dt>
        <dd>
          <span class={`badge status-${claim.status}`} id="claim-status">
            {l.status[claim.status]}
          </span>
        </dd>
        <dt>{m.type}</dt>
        <dd>{l.type[claim.type]}</dd>
        {claim.b2b === true ? (
          <>
            <dt>{m.customerKind}</dt>
            <dd>
              <span class="badge b2b-badge" id="claim-b2b">
                {m.b2b}
              </span>
            </dd>
          </>
        ) : null}
        <dt>{m.carrier}</dt>
        <dd>{props.carrier}</dd>
        <dt>{m.shop}</dt>
        <dd>{claim.shopId}</dd>
        <dt>{m.claimId}</dt>
        <dd>
          <code>{claim.id}</code>
        </dd>
        <dt>{m.filed}</dt>
        <dd>
          <Instant lang={lang} at={claim.createdAt} />
        </dd>
        <dt>{m.version}</dt>
        <dd>{claim.version}</dd>
        <dt>{m.filingDeadline}</dt>
        <dd>{formatDate(lang, claim.filingDeadline)}</dd>
        <dt>{m.answerDueBy}</dt>
        <dd>
          {formatDate(lang, claim.answerDueBy)}
          {props.overdue ? <span class="badge overdue-badge"> {m.overdue}</span> : null}
        </dd>
      </dl>
    </section>
  );
}
