import { useContext } from 'hono/jsx';
import { LOCALES, formatMoney } from '../../format';
import { labelsFor } from '../i18n/labels';
import type { Language } from '../i18n/lang';
import { queueFor } from '../i18n/queue';
import type { ClaimStatus, ClaimType } from '../../domain/claim';
import type { MoneyJson } from '../../domain/money';
import { caseworkFor } from '../i18n/casework';
import type { ClaimSort } from '../../services/claims';
import { Layout } from './layout';
import { DeskTimeZone } from './parts/instant';
import { hrefWith, QueueFilters, StatusTabs, type QueueFilterProps } from './queue-filters';

/** One claim as the queue lists it. */
export interface QueueRow {
  id: string;
  waybill: string;
  /** The claimant's name. */
  customer: string;
  type: ClaimType;
  carrier: string;
  status: ClaimStatus;
  amount: MoneyJson;
  createdAt: string;
  answerDueBy: string;
  overdue: boolean;
  shopId: string;
  /** The assignee's name, if someone took it. */
  assignee?: string | undefined;
  /** Whole days to the answer date (negative: overdue); undefined once settled. */
  daysLeft?: number | undefined;
}

export interface QueueProps extends QueueFilterProps {
  path: string;
  csrf: string;
  rows: QueueRow[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
  badCursor?: boolean;
  /** Filters that were refused: "name: reason". */
  invalid?: string[];
}

/**
 * A date short enough for one table line: "6 Dec 2026", «06.12.2026» (how Russian tables
 * write dates). A calendar date (YYYY-MM-DD) is that day anywhere; an instant is dated in
 * the clerk's time zone, as the page's other times are.
 *
 * @example shortDate('en', '2026-12-06') // '6 Dec 2026'
 * @example shortDate('ru', '2026-12-06T22:30:00Z', 'Europe/Moscow') // '07.12.2026'
 */
export function shortDate(lang: Language, iso: string, timeZone = 'UTC'): string {
  const instant = /T/.test(iso) ? new Date(iso) : undefined;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  if (!day || (instant !== undefined && Number.isNaN(instant.getTime()))) return iso;
  const format = new Intl.DateTimeFormat(LOCALES[lang], {
    ...(lang === 'ru' ? { day: '2-digit', month: '2-digit' } : { day: 'numeric', month: 'short' }),
    year: 'numeric',
    timeZone: instant === undefined ? 'UTC' : timeZone,
  });
  return format.format(instant ?? new Date(`${day}T00:00:00Z`));
}

/** A date as a `<time>` on one line. @example <ShortDate lang="en" at="2026-12-06" /> */
export function ShortDate(props: { lang: Language; at: string }) {
  const { zone } = useContext(DeskTimeZone);
  return <time datetime={props.at}>{shortDate(props.lang, props.at, zone)}</time>;
}

/** A column header that sorts: its link flips the order; `aria-sort` says the current one. */
function SortHeader(props: {
  label: string;
  query: Record<string, string>;
  lang: Language;
  asc: ClaimSort;
  desc: ClaimSort;
  first: ClaimSort;
}) {
  const sort = props.query.q ? undefined : (props.query.sort ?? 'newest');
  const state = sort === props.asc ? 'ascending' : sort === props.desc ? 'descending' : 'none';
  const target = state === 'none' ? props.first : state === 'ascending' ? props.desc : props.asc;
  return (
    <th scope="col" aria-sort={state}>
      <a
        href={hrefWith(props.query, { sort: target })}
        title={caseworkFor(props.lang).sortBy(props.label)}
      >
        {props.label}
        {state === 'ascending' ? ' ▲' : state === 'descending' ? ' ▼' : ''}
      </a>
    </th>
  );
}

function Row(props: { row: QueueRow; lang: Language }) {
  const { row, lang } = props;
  const l = labelsFor(lang);
  const w = caseworkFor(lang);
  return (
    <tr class={row.overdue ? 'overdue' : undefined}>
      <th scope="row">
        <a href={`/desk/claims/${row.id}`}>{row.waybill}</a>
      </th>
      <td class="customer">{row.customer}</td>
      <td>{l.type[row.type]}</td>
      <td>
        <span class={`badge status-${row.status}`}>{l.status[row.status]}</span>
      </td>
      <td class="num">{formatMoney(lang, row.amount)}</td>
      <td class="date">
        <ShortDate lang={lang} at={row.createdAt} />
      </td>
      <td class="date">
        <ShortDate lang={lang} at={row.answerDueBy} />
        {row.overdue ? <span class="badge overdue-badge"> {queueFor(lang).overdue}</span> : null}
      </td>
      <td class="days">
        {row.daysLeft === undefined
          ? ''
          : row.daysLeft < 0
            ? w.daysOverdue(-row.daysLeft)
            : w.daysLeftShort(row.daysLeft)}
      </td>
      <td>{row.assignee ?? ''}</td>
      <td>{row.carrier}</td>
      <td>{row.shopId}</td>
    </tr>
  );
}

/**
 * The queue: filters, one table row per claim (overdue ones marked in words,
 * not only in colour), and cursor pages.
 *
 * @example <QueuePage lang="en" path="/desk/claims" csrf={token} query={{}} rows={rows} />
 */
export function QueuePage(props: QueueProps) {
  const m = queueFor(props.lang);
  const w = caseworkFor(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={m.title}
      path={props.path}
      csrf={props.csrf}
      current="queue"
      wide
    >
      <h1>{m.title}</h1>
      {props.badCursor ? (
        <p class="notice" role="status">
          {m.badCursor}
        </p>
      ) : null}
      {props.invalid?.length ? (
        <div class="notice error" role="alert">
          <p>{m.badQuery}</p>
          <ul lang="en">
            {props.invalid.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <QueueFilters {...props} />
      <StatusTabs {...props} />
      <p class="sorted-by" id="sorted-by">
        {w.sortedBy(
          w.sortNames[
            props.query.q ? 'search' : ((props.query.sort as ClaimSort | undefined) ?? 'newest')
          ],
        )}
      </p>
      {props.rows.length === 0 ? (
        <p class="empty">{m.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class="queue">
            <caption>{m.caption(props.rows.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.waybill}</th>
                <th scope="col">{m.customer}</th>
                <th scope="col">{m.type}</th>
                <th scope="col">{m.status}</th>
                <th scope="col">{m.amount}</th>
                <SortHeader
                  label={m.filed}
                  query={props.query}
                  lang={props.lang}
                  asc="oldest"
                  desc="newest"
                  first="newest"
                />
                <SortHeader
                  label={m.answerDue}
                  query={props.query}
                  lang={props.lang}
                  asc="due"
                  desc="due_latest"
                  first="due"
                />
                <th scope="col">{w.daysColumn}</th>
                <th scope="col">{w.assigneeColumn}</th>
                <th scope="col">{m.carrier}</th>
                <th scope="col">{m.shop}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <Row row={row} lang={props.lang} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.firstHref || props.nextHref ? (
        <nav class="pages" aria-label={m.pages}>
          {props.firstHref ? <a href={props.firstHref}>{m.first}</a> : null}
          {props.nextHref ? <a href={props.nextHref}>{m.next}</a> : null}
        </nav>
      ) : null}
    </Layout>
  );
}
