import { claimFor } from '../../i18n/claim';
import { Instant } from '../parts/instant';
import { Actor } from '../parts/actor';

import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { ActorNames } from '../../../services/clerk-names';
import { generatedComment, type Claim, type ClaimEvent } from '../../../domain/claim';
import { analyticsFor } from '../../i18n/analytics';

/** A `cause_changed` event's change: old cause → new. */
const causeChange = (lang: Language, cause: NonNullable<ClaimEvent['cause']>) => {
  const names = analyticsFor(lang).causes;
  return `${cause.from ? `${names[cause.from]} → ` : ''}${names[cause.to]}`;
};

/**
 * Every change of the claim, oldest first, as stored by the API; a clerk by
 * name when the key has one (the stored id beside it), else by id. A note the
 * rules wrote (a payment's reference…) is said in the page's language from the
 * facts it stands for; a person's note as they wrote it.
 *
 * @example <History events={events} claim={claim} names={names} lang="en" />
 */
export function History(props: {
  events: ClaimEvent[];
  claim: Pick<Claim, 'payment'>;
  names: ActorNames;
  lang: Language;
}) {
  const { lang } = props;
  const noteOf = (event: ClaimEvent) => {
    const comment = generatedComment(event, props.claim);
    return comment ? m.generated(comment) : (event.note ?? '');
  };
  const m = claimFor(lang);
  const l = labelsFor(lang);
  return (
    <section aria-labelledby="history-title" class="card">
      <h2 id="history-title">{m.history}</h2>
      <div class="table-wrap">
        <table class="history" id="history">
          <thead>
            <tr>
              <th scope="col">{m.when}</th>
              <th scope="col">{m.who}</th>
              <th scope="col">{m.what}</th>
              <th scope="col">{m.change}</th>
              <th scope="col">{m.note}</th>
            </tr>
          </thead>
          <tbody>
            {props.events.map((event) => (
              <tr>
                <td>
                  <Instant lang={lang} at={event.at} />
                </td>
                <td>
                  {l.role[event.actor.role]} <Actor id={event.actor.id} names={props.names} />
                </td>
                <td>{l.event[event.type]}</td>
                <td data-status={event.to}>
                  {event.from ? `${l.status[event.from]} → ` : ''}
                  {event.to ? l.status[event.to] : ''}
                  {event.cause ? causeChange(lang, event.cause) : ''}
                </td>
                <td>{noteOf(event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
