import type { ShopProfile } from '../../../domain/shop';
import type { ErasureStep, ErasureAct } from '../../../domain/personal-data';
import type { Language } from '../../i18n/lang';
import { personalDataFor } from '../../i18n/personal-data';
import { useInstant } from '../parts/instant';
import { PrintFrame } from '../parts/print-frame';

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
    <PrintFrame
      lang={lang}
      title={m.actTitle(act.id)}
      toolbar={m.toolbar}
      back={{ href: `/desk/personal-data?shopId=${encodeURIComponent(act.shopId)}`, text: m.back }}
      other={{ href: `${self}&lang=${other}`, lang: other, text: m.otherLanguage }}
      print={m.print}
      printHint={m.printHint}
    >
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
              <td>
                {/* The log's own instant too, to the millisecond (UTC), as the API answers it. */}
                <time datetime={s.at}>{at(s.at)}</time>
                <br />
                <span class="muted">{s.at}</span>
              </td>
              <td>{m.action[s.action]}</td>
              <td>{s.record ? `${m.kind[s.record.kind]} ${s.record.id}` : '—'}</td>
              <td>{s.actor}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">{m.basis}</p>
      <p class="signature">{m.signature}: ____________________</p>
    </PrintFrame>
  );
}
