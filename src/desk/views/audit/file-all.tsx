/**
 * "File all": what the audit would file now (AuditView.fileable: the owed late and lost
 * rows, their count and sum), a link to the confirm step, the confirm form itself (a post
 * with the session's token), and the counters of a filing once started.
 */
import type { AuditView } from '../../../domain/audit/view';
import { formatMoney } from '../../../format';
import { auditsFor } from '../../i18n/audits';
import type { Language } from '../../i18n/lang';
import { CSRF_FIELD } from '../../session/csrf';

export interface FileAllProps {
  lang: Language;
  csrf: string;
  audit: AuditView;
  /** The confirm step is showing (`?confirm=file`). */
  confirming: boolean;
  /** The confirm step's link, this page's link, and where the confirm form posts. */
  confirmHref: string;
  cancelHref: string;
  action: string;
  /** Why the last "file all" was refused (no shop profile, still reading), in words. */
  refused?: string | undefined;
}

/**
 * The sums "file all" would claim, one per currency, as the language writes them.
 * @example fileableSums('en', [{ amount: '1500.00', currency: 'RUB' }]) // 'RUB 1,500.00'
 */
export const fileableSums = (lang: Language, amounts: AuditView['fileable']['amount']): string =>
  amounts.map((a) => formatMoney(lang, a)).join(' + ');

function Filing(props: { lang: Language; filing: NonNullable<AuditView['filing']> }) {
  const m = auditsFor(props.lang);
  return (
    <p id="filing-counts" role="status">
      <strong>{m.filingStatus[props.filing.status]}</strong> {m.filingCounts(props.filing)}
    </p>
  );
}

/**
 * @example <FileAll lang="en" csrf={token} audit={view} confirming={false} confirmHref="…" cancelHref="…" action="…" />
 */
export function FileAll(props: FileAllProps) {
  const { lang, audit } = props;
  const m = auditsFor(lang);
  const { count, amount } = audit.fileable;
  const ready = audit.status === 'completed';
  return (
    <section class="card" aria-labelledby="file-all-title" id="file-all">
      <h2 id="file-all-title">{m.fileAllTitle}</h2>
      <p class="hint">{m.fileAllIntro}</p>
      {props.refused ? (
        <p class="notice error" role="alert" id="file-all-refused">
          {props.refused}
        </p>
      ) : null}
      {audit.filing ? <Filing lang={lang} filing={audit.filing} /> : null}
      {!ready ? (
        <p>{m.notYet}</p>
      ) : count === 0 ? (
        <p id="file-all-summary">{m.nothingToFile}</p>
      ) : (
        <>
          <p id="file-all-summary">{m.willFile(count, fileableSums(lang, amount))}</p>
          {props.confirming ? (
            <form method="post" action={props.action} class="actions">
              <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
              <button type="submit" id="file-all-confirm" autofocus>
                {m.confirm}
              </button>
              <a href={props.cancelHref}>{m.cancel}</a>
            </form>
          ) : (
            <p>
              <a href={props.confirmHref} class="button" id="file-all-start">
                {m.fileAll}
              </a>
            </p>
          )}
        </>
      )}
    </section>
  );
}
