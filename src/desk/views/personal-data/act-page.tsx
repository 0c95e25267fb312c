import type { ShopProfile } from '../../../domain/shop';
import type { ErasureStep, ErasureAct } from '../../../domain/personal-data';
import type { Language } from '../../i18n/lang';
import { personalDataFor } from '../../i18n/personal-data';
import { STYLESHEET_PATH } from '../layout';
import { useInstant } from '../parts/instant';
import { PRINT_SCRIPT_PATH } from '../print-script';

export interface ActPageProps {
  lang: Language;
  act: ErasureAct;
  steps: ErasureStep[];
  /** The operator (the shop); absent until it sends its profile (then: its id). */
  operator?: ShopProfile | undefined;
}

/** Where a record of an act is on the desk, if it has a page. */
const recordHref = (kind: string, id: string) =>
  kind === 'claim' ? `/desk/claims/${id}` : undefined;

/**
 * The printable destruction act (Roskomnadzor order No. 179 of 28.10.2022): the operator and
 * processor, whose data (a pseudonymous reference), the categories, the records, when, how
 * and on whose instruction, then the event-log extract as a table. Its own page frame, like
 * the claim letter's, in the act's language; prints on A4 without the toolbar.
 *
 * @example <ActPage lang="ru" act={act} steps={steps} operator={profile} />
 */
export function ActPage(props: ActPageProps) {
  const { act, lang } = props;
  const m = personalDataFor(lang);
  const at = useInstant(lang);
  const other = lang === 'ru' ? 'en' : 'ru';
  const self = `/desk/personal-data/erasures/${act.id}?shopId=${encodeURIComponent(act.shopId)}`;
  const { instruction } = act;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{m.actTitle(act.id)}</title>
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        <script src={PRINT_SCRIPT_PATH} defer></script>
      </head>
      <body class="letter-body">
        <nav class="toolbar no-print" aria-label={m.toolbar}>
          <a href={`/desk/personal-data?shopId=${encodeURIComponent(act.shopId)}`}>{m.back}</a>
          <a href={`${self}&lang=${other}`} hreflang={other} lang={other}>
            {m.otherLanguage}
          </a>
          <button type="button" id="print-letter" hidden>
            {m.print}
          </button>
          <span class="muted" id="print-hint">
            {m.printHint}
          </span>
        </nav>
        <main class="letter">
          <h1>{m.actHeading}</h1>
          <p class="subject">{act.id}</p>
          <dl class="parties" id="act-fields">
            <dt>{m.operator}</dt>
            <dd>
              {props.operator
                ? `${props.operator.legalName}, ${m.inn} ${props.operator.inn}`
                : act.shopId}
            </dd>
            <dt>{m.processor}</dt>
            <dd>{m.processorName}</dd>
            <dt>{m.subject}</dt>
            <dd id="act-subject">{act.subjectRef}</dd>
            <dt>{m.categories}</dt>
            <dd id="act-categories">
              {act.categories.length === 0
                ? m.none
                : act.categories.map((c) => m.category[c]).join(', ')}
            </dd>
            <dt>{m.when}</dt>
            <dd>
              {m.started}: {at(act.startedAt)}
              {act.completedAt ? (
                <>
                  <br />
                  {m.completed}: {at(act.completedAt)}
                </>
              ) : (
                <>
                  <br />
                  <strong>{m.running}</strong>
                </>
              )}
            </dd>
            <dt>{m.how}</dt>
            <dd>{m.method}</dd>
            <dt>{m.onWhose}</dt>
            <dd id="act-instruction">
              {instruction.kind === 'request'
                ? m.requestBy(instruction.role, instruction.keyId)
                : m.instruction('retention', instruction.retainDays)}
            </dd>
          </dl>
          <h2>{m.records}</h2>
          {act.records.length === 0 ? (
            <p>{m.noRecords}</p>
          ) : (
            <ul id="act-records">
              {act.records.map((r) => {
                const href = recordHref(r.kind, r.id);
                return (
                  <li>
                    {m.kind[r.kind]}: {href ? <a href={href}>{r.id}</a> : r.id}
                  </li>
                );
              })}
            </ul>
          )}
          <h2>{m.logHeading}</h2>
          <table id="act-log">
            <thead>
              <tr>
                <th scope="col">{m.logColumns.at}</th>
                <th scope="col">{m.logColumns.action}</th>
                <th scope="col">{m.logColumns.record}</th>
                <th scope="col">{m.logColumns.actor}</th>
              </tr>
            </thead>
            <tbody>
              {props.steps.map((s) => (
                <tr>
                  <td>{at(s.at)}</td>
                  <td>{m.action[s.action]}</td>
                  <td>{s.record ? `${m.kind[s.record.kind]} ${s.record.id}` : '—'}</td>
                  <td>{s.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted">{m.basis}</p>
          <p class="signature">{m.signature}: ____________________</p>
        </main>
      </body>
    </html>
  );
}
