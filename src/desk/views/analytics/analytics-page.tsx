import { CURRENCY_CODES, type CurrencyCode } from '../../../domain/money';
import { GROUP_BY, type AnalyticsReport, type Group } from '../../../domain/analytics';
import { carrierName } from '../../../domain/policies';
import { analyticsFor, type AnalyticsMessages } from '../../i18n/analytics';
import { formatMoney } from '../../../format';
import { useInstant } from '../parts/instant';
import type { Language } from '../../i18n/lang';
import { Layout } from '../layout';
import { SelectField, TextField } from '../parts/fields';
import { BarChart } from './bar-chart';

export interface AnalyticsPageProps {
  lang: Language;
  path: string;
  csrf: string;
  report: AnalyticsReport;
  /** When the figures were last brought up to date (they are kept off the request path). */
  asOf?: string | undefined;
  /** The same query as CSV. */
  csvHref: string;
  /** Why the query asked for was refused (the default range is shown instead). */
  refused?: string | undefined;
}

/**
 * A group's key as a clerk reads it: a carrier's or a cause's name, a type; weeks and months
 * as they are (`2026-W49`, `2026-12`).
 * @example groupLabel('en', 'cause', 'warehouse') // 'Warehouse'
 */
export function groupLabel(lang: Language, groupBy: AnalyticsReport['groupBy'], key: string) {
  const m = analyticsFor(lang);
  if (groupBy === 'carrier') return carrierName(key, lang);
  if (groupBy === 'cause' && key in m.causes) return m.causes[key as keyof typeof m.causes];
  if (groupBy === 'type' && key in m.types) return m.types[key as keyof typeof m.types];
  return key;
}

function Charts(props: { lang: Language; report: AnalyticsReport; m: AnalyticsMessages }) {
  const { lang, report, m } = props;
  const by = m.groupNames[report.groupBy];
  const label = (g: Group) => groupLabel(lang, report.groupBy, g.key);
  const money = (g: Group, key: 'computed' | 'paid') => formatMoney(lang, g[key]);
  return (
    <div class="charts">
      <figure class="card">
        <BarChart
          id="chart-count"
          title={m.countChart(by)}
          series={[{ name: m.count, className: 'bar-a' }]}
          rows={report.groups.map((g) => ({
            label: label(g),
            values: [String(g.count)],
            texts: [String(g.count)],
          }))}
        />
      </figure>
      <figure class="card">
        <ul class="legend">
          <li>
            <span class="swatch bar-a" aria-hidden="true"></span>
            {m.computed}
          </li>
          <li>
            <span class="swatch bar-b" aria-hidden="true"></span>
            {m.paid}
          </li>
        </ul>
        <BarChart
          id="chart-money"
          title={m.moneyChart(by, report.currency)}
          series={[
            { name: m.computed, className: 'bar-a' },
            { name: m.paid, className: 'bar-b' },
          ]}
          rows={report.groups.map((g) => ({
            label: label(g),
            values: [g.computed.amount, g.paid.amount],
            texts: [money(g, 'computed'), money(g, 'paid')],
          }))}
        />
      </figure>
    </div>
  );
}

function FiguresTable(props: { lang: Language; report: AnalyticsReport; m: AnalyticsMessages }) {
  const { lang, report, m } = props;
  const cells = (f: Group | AnalyticsReport['totals']) => (
    <>
      <td class="num">{f.count}</td>
      <td class="num">{formatMoney(lang, f.computed)}</td>
      <td class="num">{formatMoney(lang, f.approved)}</td>
      <td class="num">{formatMoney(lang, f.paid)}</td>
      <td class="num">{formatMoney(lang, f.given)}</td>
    </>
  );
  return (
    <div class="table-wrap">
      <table class="queue" id="analytics-table">
        <caption>{m.tableCaption(m.groupNames[report.groupBy])}</caption>
        <thead>
          <tr>
            <th scope="col">{m.groupNames[report.groupBy]}</th>
            <th scope="col">{m.count}</th>
            <th scope="col">{m.computed}</th>
            <th scope="col">{m.approved}</th>
            <th scope="col">{m.paid}</th>
            <th scope="col">{m.given}</th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((g) => (
            <tr>
              <th scope="row">{groupLabel(lang, report.groupBy, g.key)}</th>
              {cells(g)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{m.total}</th>
            {cells(report.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function Flags(props: { lang: Language; report: AnalyticsReport; m: AnalyticsMessages }) {
  const { lang, report, m } = props;
  return (
    <section class="card" aria-labelledby="flags-title" id="flags">
      <h2 id="flags-title">{m.flagsTitle}</h2>
      <p class="hint">{m.flagsIntro}</p>
      {report.flags.length === 0 ? (
        <p>{m.noFlags}</p>
      ) : (
        <ul class="flags">
          {report.flags.map((f) => (
            <li>
              {m.flag(
                carrierName(f.carrier, lang),
                m.causes[f.cause],
                f.week,
                f.count,
                String(f.trailingAverage),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The dashboard: the range form (GET), the flags, the charts and the table beside them.
 * @example <AnalyticsPage lang="en" path="/desk/analytics" csrf={token} report={report} csvHref="/desk/analytics.csv" />
 */
export function AnalyticsPage(props: AnalyticsPageProps) {
  const instant = useInstant(props.lang);
  const { lang, report } = props;
  const m = analyticsFor(lang);
  const groupChoices = GROUP_BY.map((g) => ({ value: g, label: m.groupNames[g] }));
  const currencies = CURRENCY_CODES.map((c: CurrencyCode) => ({ value: c, label: c }));
  return (
    <Layout lang={lang} title={m.title} path={props.path} csrf={props.csrf} current="analytics">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {props.asOf ? (
        <p class="hint" id="analytics-as-of">
          {m.asOf(instant(props.asOf))}
        </p>
      ) : null}
      {props.refused ? (
        <p class="notice error" role="alert" id="analytics-refused">
          {props.refused}
        </p>
      ) : null}
      <form method="get" action="/desk/analytics" class="card filters" aria-label={m.title}>
        <TextField
          id="a-from"
          name="from"
          type="date"
          label={m.from}
          lang={lang}
          value={report.from}
          required
        />
        <TextField
          id="a-to"
          name="to"
          type="date"
          label={m.to}
          lang={lang}
          value={report.to}
          required
        />
        <SelectField
          id="a-group"
          name="groupBy"
          label={m.groupBy}
          lang={lang}
          value={report.groupBy}
          choices={groupChoices}
        />
        <SelectField
          id="a-currency"
          name="currency"
          label={m.currency}
          lang={lang}
          value={report.currency}
          choices={currencies}
        />
        <button type="submit">{m.show}</button>
      </form>
      <p>
        <a href={props.csvHref} id="csv-link" download>
          {m.csv}
        </a>
      </p>
      <Flags lang={lang} report={report} m={m} />
      {report.totals.count === 0 ? (
        <p class="empty">{m.empty}</p>
      ) : (
        <>
          <Charts lang={lang} report={report} m={m} />
          <FiguresTable lang={lang} report={report} m={m} />
        </>
      )}
    </Layout>
  );
}
