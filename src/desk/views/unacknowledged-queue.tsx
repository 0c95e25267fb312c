import { minutesPastAcknowledge } from '../../domain/claim';
import { Instant } from './parts/instant';
import type { ClaimSummary } from '../../storage/repository';
import { customerMessagesFor } from '../i18n/customer-messages';

import type { Language } from '../i18n/lang';
import { Layout } from './layout';

export interface UnacknowledgedQueueProps {
  lang: Language;
  path: string;
  csrf: string;
  claims: ClaimSummary[];
  /** The instant the page is written at: how long past acknowledgeBy each claim is. */
  now: string;
  nextHref?: string | undefined;
}

/**
 * Claims whose customer is still waiting for the acknowledgement, the longest overdue first.
 *
 * @example <UnacknowledgedQueuePage lang="en" path="/desk/unacknowledged" csrf={token} claims={items} now={now} />
 */
export function UnacknowledgedQueuePage(props: UnacknowledgedQueueProps) {
  const { lang } = props;
  const m = customerMessagesFor(lang);
  return (
    <Layout lang={lang} title={m.queueTitle} path={props.path} csrf={props.csrf} current="unack">
      <h1>{m.queueTitle}</h1>
      <p>{m.queueIntro}</p>
      {props.claims.length === 0 ? (
        <p class="empty">{m.queueEmpty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue unacknowledged-queue">
            <caption>{m.queueCaption(props.claims.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.claim}</th>
                <th scope="col">{m.shop}</th>
                <th scope="col">{m.customer}</th>
                <th scope="col">{m.due}</th>
                <th scope="col">{m.overdueBy}</th>
              </tr>
            </thead>
            <tbody>
              {props.claims.map((claim) => (
                <tr>
                  <th scope="row">
                    <a href={`/desk/claims/${claim.id}#messages`}>{claim.waybill}</a>
                  </th>
                  <td>{claim.shopId}</td>
                  <td>{claim.claimant.name}</td>
                  <td>
                    {claim.acknowledgeBy ? <Instant lang={lang} at={claim.acknowledgeBy} /> : ''}
                  </td>
                  <td class="num">{m.duration(minutesPastAcknowledge(claim, props.now))}</td>
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
