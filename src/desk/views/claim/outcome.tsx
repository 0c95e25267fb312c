import { claimFor } from '../../i18n/claim';
import { Instant } from '../parts/instant';
import { Actor } from '../parts/actor';
import type { ActorNames } from '../../../services/clerk-names';
import { formatDate, formatMoney } from '../../../format';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { Claim } from '../../../domain/claim';

/**
 * The recorded decision and payment, once there are any; the clerks who made them by
 * name, as the history names them.
 *
 * @example <Outcome claim={claim} names={names} lang="en" />
 */
export function Outcome(props: { claim: Claim; names: ActorNames; lang: Language }) {
  const { decision, payment } = props.claim;
  if (!decision && !payment) return null;
  const m = claimFor(props.lang);
  const l = labelsFor(props.lang);
  const lang = props.lang;
  return (
    <section aria-labelledby="outcome-title" class="card">
      <h2 id="outcome-title">{payment ? `${m.decision} · ${m.payment}` : m.decision}</h2>
      {decision ? (
        <dl class="facts">
          <dt>{m.decision}</dt>
          <dd>{l.status[decision.decision]}</dd>
          {decision.approvedAmount ? (
            <>
              <dt>{m.approvedAmount}</dt>
              <dd>{formatMoney(lang, decision.approvedAmount)}</dd>
            </>
          ) : null}
          {decision.reason ? (
            <>
              <dt>{m.reason}</dt>
              <dd>{decision.reason}</dd>
            </>
          ) : null}
          {decision.overrideReason ? (
            <>
              <dt>{m.overrideReason}</dt>
              <dd>{decision.overrideReason}</dd>
            </>
          ) : null}
          <dt>{m.decidedBy}</dt>
          <dd>
            <Actor id={decision.decidedBy} names={props.names} />,{' '}
            <Instant lang={lang} at={decision.decidedAt} />
          </dd>
        </dl>
      ) : null}
      {payment ? (
        <dl class="facts">
          <dt>{m.paidAmount}</dt>
          <dd>{formatMoney(lang, payment.amount)}</dd>
          <dt>{m.paidOn}</dt>
          <dd>{formatDate(lang, payment.paidOn)}</dd>
          <dt>{m.reference}</dt>
          <dd>{payment.reference}</dd>
          <dt>{m.recordedBy}</dt>
          <dd>
            <Actor id={payment.recordedBy} names={props.names} />,{' '}
            <Instant lang={lang} at={payment.recordedAt} />
          </dd>
        </dl>
      ) : null}
    </section>
  );
}
