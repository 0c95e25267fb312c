/**
 * An audit's rows, a page at a time: the filter links (a finding, or all), each row's
 * findings with their amounts, the lines that explain each amount on demand (`<details>`),
 * and a refused row's problems (line, column, reason).
 */
import { AUDIT_FINDINGS, type AuditFinding, type Finding } from '../../../domain/audit/types';
import type { AuditRowResult } from '../../../domain/audit/view';
import { carrierName } from '../../../domain/policies';
import { formatDate, formatMoney } from '../../../format';
import { auditsFor } from '../../i18n/audits';
import type { Language } from '../../i18n/lang';
import { deskLine } from '../../i18n/lines';
import { Listing } from '../parts/listing';

export interface AuditRowsProps {
  lang: Language;
  rows: readonly AuditRowResult[];
  finding: AuditFinding | undefined;
  /** The page's link with a finding (undefined: all rows), and the next page's link. */
  filterHref: (finding: AuditFinding | undefined) => string;
  nextHref: string | undefined;
  csvHref: string;
  badCursor?: boolean;
}

function FindingItem(props: { lang: Language; finding: Finding }) {
  const { lang, finding } = props;
  const m = auditsFor(lang);
  const amount = formatMoney(lang, finding.amount);
  return (
    <li class={`finding ${finding.kind}`}>
      <details>
        <summary>
          {m.findings[finding.kind]}: <strong>{amount}</strong>
          {`, ${m.fileBy.toLowerCase()} ${formatDate(lang, finding.fileBy)}`}
          {finding.expired ? <span class="sub">{` (${m.expired})`}</span> : null}
        </summary>
        <ol class="lines">
          {finding.lines.map((line) => (
            <li>{deskLine(lang, line)}</li>
          ))}
        </ol>
      </details>
    </li>
  );
}

function RowFindings(props: { lang: Language; row: AuditRowResult }) {
  const { lang, row } = props;
  const m = auditsFor(lang);
  if (row.problems && row.problems.length > 0) {
    return (
      <ul class="problems">
        {row.problems.map((p) => (
          <li>
            {p.column ? `${m.column} «${p.column}»: ` : ''}
            {/* The reason is the parser's English, as the API gives it. */}
            <span lang={lang === 'en' ? undefined : 'en'}>{p.reason}</span>
          </li>
        ))}
      </ul>
    );
  }
  if (row.findings.length === 0) return <>{m.nothingOwed}</>;
  return (
    <>
      <ul class="findings">
        {row.findings.map((f) => (
          <FindingItem lang={lang} finding={f} />
        ))}
      </ul>
      {row.claimId ? (
        <p class="sub claimed">
          {m.claimed} <a href={`/desk/claims/${row.claimId}`}>{row.claimId}</a>
        </p>
      ) : null}
    </>
  );
}

function Row(props: { lang: Language; row: AuditRowResult }) {
  const { lang, row } = props;
  const m = auditsFor(lang);
  return (
    <tr id={`line-${row.line}`}>
      <td class="num">{row.line}</td>
      <th scope="row" class="waybill">
        {row.waybill || m.none}
      </th>
      <td>{row.orderId ?? m.none}</td>
      <td>{row.carrier ? carrierName(row.carrier, lang) : m.none}</td>
      <td>
        <RowFindings lang={lang} row={row} />
      </td>
    </tr>
  );
}

/**
 * @example <AuditRows lang="en" rows={page.items} finding="late" filterHref={href} nextHref={next} csvHref={csv} />
 */
export function AuditRows(props: AuditRowsProps) {
  const { lang } = props;
  const m = auditsFor(lang);
  const filters: (AuditFinding | undefined)[] = [undefined, ...AUDIT_FINDINGS];
  return (
    <section class="card" aria-labelledby="rows-title" id="rows">
      <h2 id="rows-title">{m.rowsTitle}</h2>
      <nav aria-label={m.filters} class="tabs">
        <ul>
          {filters.map((f) => (
            <li>
              <a
                href={props.filterHref(f)}
                aria-current={f === props.finding ? 'page' : undefined}
                data-finding={f ?? 'all'}
              >
                {f ? m.findings[f] : m.allRows}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.badCursor ? (
        <p class="notice" role="status">
          {m.badCursor}
        </p>
      ) : null}
      <p>
        <a href={props.csvHref} id="rows-csv" download>
          {m.csv}
        </a>
      </p>
      <Listing
        name="audit-rows"
        caption={m.rowsCaption(props.rows.length)}
        columns={[m.line, m.waybill, m.orderId, m.carrier, m.what]}
        empty={m.rowsEmpty}
        rows={props.rows.map((row) => (
          <Row lang={lang} row={row} />
        ))}
        next={{ href: props.nextHref, label: m.next, nav: m.pages }}
      />
    </section>
  );
}
