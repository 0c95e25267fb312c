/**
 * An audit's totals: a server-drawn bar chart (found and still owed, per finding and
 * carrier) beside the same figures as a table, with the last day to file each amount.
 */
import type { AuditTotal } from '../../../domain/audit/view';
import { carrierName } from '../../../domain/policies';
import { formatDate, formatMoney } from '../../../format';
import { auditsFor } from '../../i18n/audits';
import type { Language } from '../../i18n/lang';
import { BarChart } from '../analytics/bar-chart';

/**
 * A total's name as the clerk reads it: its finding, then its carrier.
 * @example totalLabel('en', total) // 'Late · CDEK'
 */
export const totalLabel = (lang: Language, total: AuditTotal): string =>
  `${auditsFor(lang).findings[total.finding]} · ${carrierName(total.carrier, lang)}`;

function TotalsTable(props: { lang: Language; totals: readonly AuditTotal[] }) {
  const { lang } = props;
  const m = auditsFor(lang);
  return (
    <div class="table-wrap">
      <table class="queue" id="audit-totals">
        <caption>{m.totalsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.finding}</th>
            <th scope="col">{m.count}</th>
            <th scope="col">{m.amount}</th>
            <th scope="col">{m.owedCount}</th>
            <th scope="col">{m.owedAmount}</th>
            <th scope="col">{m.fileBy}</th>
          </tr>
        </thead>
        <tbody>
          {props.totals.map((t) => (
            <tr data-finding={t.finding}>
              <th scope="row">{totalLabel(lang, t)}</th>
              <td class="num">{t.count}</td>
              <td class="num">{formatMoney(lang, t.amount)}</td>
              <td class="num">{t.owed.count}</td>
              <td class="num">{formatMoney(lang, t.owed.amount)}</td>
              <td class="date">{t.fileBy ? formatDate(lang, t.fileBy) : m.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * @example <AuditTotals lang="en" totals={view.totals} />
 */
export function AuditTotals(props: { lang: Language; totals: readonly AuditTotal[] }) {
  const { lang, totals } = props;
  const m = auditsFor(lang);
  return (
    <section class="card" aria-labelledby="totals-title" id="totals">
      <h2 id="totals-title">{m.totalsTitle}</h2>
      {totals.length === 0 ? (
        <p class="empty">{m.noTotals}</p>
      ) : (
        <div class="charts">
          <figure>
            <ul class="legend">
              <li>
                <span class="swatch bar-a" aria-hidden="true"></span>
                {m.amount}
              </li>
              <li>
                <span class="swatch bar-b" aria-hidden="true"></span>
                {m.owedAmount}
              </li>
            </ul>
            <BarChart
              id="audit-chart"
              title={m.totalsChart}
              series={[
                { name: m.amount, className: 'bar-a' },
                { name: m.owedAmount, className: 'bar-b' },
              ]}
              rows={totals.map((t) => ({
                label: totalLabel(lang, t),
                values: [t.amount.amount, t.owed.amount.amount],
                texts: [formatMoney(lang, t.amount), formatMoney(lang, t.owed.amount)],
              }))}
            />
          </figure>
          <TotalsTable lang={lang} totals={totals} />
        </div>
      )}
    </section>
  );
}
