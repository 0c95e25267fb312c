import { useContext } from 'hono/jsx';
import { minutesPastAcknowledge } from '../../domain/claim';
import { Instant } from './parts/instant';
import type { ClaimSummary } from '../../storage/repository';
import { countOf } from '../../format';
import { commonFor } from '../i18n/common';
import { customerMessagesFor } from '../i18n/customer-messages';
import type { Language } from '../i18n/lang';
import { Layout, NavCounts } from './layout';
import { Listing } from './parts/listing';

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
 * A phone number as a `tel:` link's target: its digits, and a leading + if it has one.
 * @example telHref('+7 901 111-22-33') // 'tel:+79011112233'
 */
export const telHref = (phone: string): string =>
  `tel:${phone.trim().startsWith('+') ? '+' : ''}${phone.replace(/\D/g, '')}`;

/** The customer's phone and e-mail, as links the clerk's phone and mail programs open. */
function Contact(props: { claimant: ClaimSummary['claimant'] }) {
  const { phone, email } = props.claimant;
  return (
    <>
      <td class="contact">
        <a href={telHref(phone)}>{phone}</a>
      </td>
      <td class="contact">
        <a href={`mailto:${email}`}>{email}</a>
      </td>
    </>
  );
}

/**
 * Claims whose customer is still waiting for the acknowledgement, the longest overdue first,
 * with the customer's phone and e-mail (the clerk calls).
 *
 * @example <UnacknowledgedQueuePage lang="en" path="/desk/unacknowledged" csrf={token} claims={items} now={now} />
 */
export function UnacknowledgedQueuePage(props: UnacknowledgedQueueProps) {
  const { lang } = props;
  const m = customerMessagesFor(lang);
  const waiting = useContext(NavCounts).unacknowledged;
  return (
    <Layout
      lang={lang}
      title={m.queueTitle}
      path={props.path}
      csrf={props.csrf}
      current="unack"
      wide
    >
      <h1>{m.queueTitle}</h1>
      <p>{m.queueIntro}</p>
      {waiting === undefined ? null : (
        <p class="hint" id="waiting-in-all">
          {m.waitingInAll(countOf(lang, waiting, commonFor(lang).claimNoun))}
        </p>
      )}
      <Listing
        name="unacknowledged-queue"
        caption={m.queueCaption(props.claims.length)}
        columns={[m.claim, m.shop, m.customer, m.phone, m.email, m.due, m.overdueBy]}
        empty={m.queueEmpty}
        rows={props.claims.map((claim) => (
          <tr>
            <th scope="row">
              <a href={`/desk/claims/${claim.id}#messages`}>{claim.waybill}</a>
            </th>
            <td>{claim.shopId}</td>
            <td>{claim.claimant.name}</td>
            <Contact claimant={claim.claimant} />
            <td class="date">
              {claim.acknowledgeBy ? <Instant lang={lang} at={claim.acknowledgeBy} /> : ''}
            </td>
            <td class="num">{m.duration(minutesPastAcknowledge(claim, props.now))}</td>
          </tr>
        ))}
        next={{ href: props.nextHref, label: m.next, nav: m.pages }}
      />
    </Layout>
  );
}
