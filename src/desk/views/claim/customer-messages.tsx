import { CSRF_FIELD } from '../../session/csrf';
import { customerMessagesFor } from '../../i18n/customer-messages';
import { useInstant } from '../parts/instant';
import type { Language } from '../../i18n/lang';
import type { Claim } from '../../../domain/claim';
import type { CustomerMessage } from '../../../services/messages';

export interface CustomerMessagesProps {
  claim: Pick<Claim, 'id' | 'acknowledgeBy'>;
  lang: Language;
  csrf: string;
  /** The claim's drafts in the page language; undefined: not loaded (nothing shown). */
  messages: CustomerMessage[] | undefined;
  /** The message just marked as sent (after the redirect). */
  sent?: string | undefined;
}

/**
 * "Messages to the customer": each draft's subject and text, preformatted to copy, and a
 * "Mark as sent" form for each one not sent yet (its time once it is).
 *
 * @example <CustomerMessages claim={claim} lang="en" csrf={token} messages={drafts} />
 */
export function CustomerMessages(props: CustomerMessagesProps) {
  const instant = useInstant(props.lang);
  const { claim, lang, messages } = props;
  if (messages === undefined) return null;
  const m = customerMessagesFor(lang);
  return (
    <section id="messages" aria-labelledby="messages-title" class="card customer-messages">
      <h2 id="messages-title">{m.messagesTitle}</h2>
      <p>{m.messagesIntro}</p>
      {claim.acknowledgeBy ? <p>{m.acknowledgeBy(instant(claim.acknowledgeBy))}</p> : null}
      {props.sent ? (
        <p class="notice success" role="status">
          {m.justSent}
        </p>
      ) : null}
      {messages.length === 0 ? <p class="empty">{m.noMessages}</p> : null}
      {messages.map((message) => (
        <article aria-labelledby={`message-${message.id}`} class="message">
          <h3 id={`message-${message.id}`}>{m.kinds[message.kind]}</h3>
          <p>
            <strong>{m.subject}:</strong> <span class="copyable">{message.subject}</span>
          </p>
          <p>
            <strong>{m.text}:</strong>
          </p>
          <pre
            class="prose message-text"
            tabindex={0}
            aria-label={`${m.text}: ${m.kinds[message.kind]}`}
          >
            {message.text}
          </pre>
          {message.sentAt ? (
            <p>{m.sentAt(instant(message.sentAt))}</p>
          ) : (
            <form method="post" action={`/desk/claims/${claim.id}/messages/${message.id}/sent`}>
              <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
              <button type="submit" aria-describedby={`message-${message.id}`}>
                {m.markSent}
              </button>
            </form>
          )}
        </article>
      ))}
    </section>
  );
}
