import { carrierChoices } from '../forms/carrier-choices';
import { formatDate, formatMoney } from '../../format';
import { useInstant } from './parts/instant';
import { labelsFor } from '../i18n/labels';
import type { Language } from '../i18n/lang';
import { queueFor } from '../i18n/queue';
import { CLAIM_STATUSES, CLAIM_TYPES, type ClaimStatus, type ClaimType } from '../../domain/claim';
import type { MoneyJson } from '../../domain/money';
import { caseworkFor } from '../i18n/casework';
import { pageHref } from '../forms/queue-query';
import { CLAIM_SORTS, type ClaimSort } from '../../services/claims';
import type { StatusCounts } from '../../storage/repository';
import { Layout } from './layout';
import { CheckboxField, SelectField, TextField } from './parts/fields';

/** One claim as the queue lists it. */
export interface QueueRow {
  id: string;
  waybill: string;
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

export interface QueueProps {
  lang: Language;
  path: string;
  csrf: string;
  /** The filters as given, to fill the form again. */
  query: Record<string, string>;
  rows: QueueRow[];
  nextHref?: string | undefined;
  firstHref?: string | undefined;
  badCursor?: boolean;
  /** Filters that were refused: "name: reason". */
  invalid?: string[];
  /** Claims per status (the tabs). */
  counts?: StatusCounts | undefined;
  /** When the counters were last brought up to date (they are kept off the request path). */
  countsAsOf?: string | undefined;
}

/** The link to the queue with `changes` applied to the query (a new first page). */
const hrefWith = (query: Record<string, string>, changes: Record<string, string | undefined>) => {
  const { cursor: _page, ...rest } = query;
  const next: Record<string, string> = { ...rest };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return pageHref(next);
};

/**
 * The status tabs, each with how many claims it holds (counters, not a count of claims),
 * and as of when: the counters follow a change a few seconds later.
 */
function Tabs(props: QueueProps) {
  const instant = useInstant(props.lang);
  const w = caseworkFor(props.lang);
  const l = labelsFor(props.lang);
  const counts = props.counts;
  if (!counts) return null;
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const current = props.query.status;
  const tab = (status: ClaimStatus | undefined, label: string, count: number) => (
    <li>
      <a
        href={hrefWith(props.query, { status })}
        aria-current={current === status ? 'page' : undefined}
        data-status={status ?? 'all'}
      >
        {label} <span class="badge">{count}</span>
      </a>
    </li>
  );
  return (
    <>
      <nav aria-label={w.tabs} class="tabs">
        <ul>
          {tab(undefined, w.allStatuses, total)}
          {CLAIM_STATUSES.map((status) => tab(status, l.status[status], counts[status]))}
        </ul>
      </nav>
      {props.countsAsOf ? (
        <p class="hint" id="counts-as-of">
          {w.countsAsOf(instant(props.countsAsOf))}
        </p>
      ) : null}
    </>
  );
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

function Filters(props: QueueProps) {
  const m = queueFor(props.lang);
  const l = labelsFor(props.lang);
  const w = caseworkFor(props.lang);
  const q = props.query;
  const field = (name: string) => ({ id: `q-${name}`, name, lang: props.lang });
  return (
    <form method="get" action="/desk/claims" class="card filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{m.filters}</h2>
      <div class="grid">
        <TextField {...field('q')} type="search" label={w.search} hint={w.searchHint} value={q.q} />
        <SelectField
          {...field('in')}
          label={w.searchIn}
          emptyChoice={w.searchAnywhere}
          value={q.in}
          choices={(['name', 'phone', 'orderId', 'waybill', 'id'] as const).map((f) => ({
            value: f,
            label: w.searchFields[f],
          }))}
        />
        <TextField
          {...field('waybill')}
          type="search"
          label={m.waybill}
          hint={m.waybillHint}
          value={q.waybill}
        />
        <SelectField
          {...field('status')}
          label={m.status}
          emptyChoice={m.anyValue}
          value={q.status}
          choices={CLAIM_STATUSES.map((s) => ({ value: s, label: l.status[s] }))}
        />
        <SelectField
          {...field('type')}
          label={m.type}
          emptyChoice={m.anyValue}
          value={q.type}
          choices={CLAIM_TYPES.map((t) => ({ value: t, label: l.type[t] }))}
        />
        <SelectField
          {...field('carrier')}
          label={m.carrier}
          emptyChoice={m.anyValue}
          value={q.carrier}
          choices={carrierChoices(props.lang)}
        />
        <TextField {...field('shopId')} label={m.shop} value={q.shopId} />
        <SelectField
          {...field('sort')}
          label={m.sort}
          value={q.sort ?? 'newest'}
          choices={CLAIM_SORTS.map((sort) => ({ value: sort, label: w.sortNames[sort] }))}
        />
      </div>
      <CheckboxField {...field('overdue')} label={m.overdueOnly} checked={q.overdue === 'true'} />
      <CheckboxField {...field('mine')} label={w.mine} checked={q.mine === 'true'} />
      <div class="actions">
        <button type="submit">{m.apply}</button>
        <a href="/desk/claims">{m.reset}</a>
      </div>
    </form>
  );
}

function Row(props: { row: QueueRow; lang: Language }) {
  const { row, lang } = props;
  const l = labelsFor(lang);
  return (
    <tr class={row.overdue ? 'overdue' : undefined}>
      <th scope="row">
        <a href={`/desk/claims/${row.id}`}>{row.waybill}</a>
      </th>
      <td>{l.type[row.type]}</td>
      <td>{row.carrier}</td>
      <td>
        <span class={`badge status-${row.status}`}>{l.status[row.status]}</span>
      </td>
      <td class="num">{formatMoney(lang, row.amount)}</td>
      <td>{formatDate(lang, row.createdAt)}</td>
      <td>
        {formatDate(lang, row.answerDueBy)}
        {row.overdue ? <span class="badge overdue-badge"> {queueFor(lang).overdue}</span> : null}
      </td>
      <td class="days">
        {row.daysLeft === undefined
          ? ''
          : row.daysLeft < 0
            ? caseworkFor(lang).daysOverdue(-row.daysLeft)
            : caseworkFor(lang).daysLeft(row.daysLeft)}
      </td>
      <td>{row.assignee ?? ''}</td>
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
  return (
    <Layout lang={props.lang} title={m.title} path={props.path} csrf={props.csrf} current="queue">
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
      <Filters {...props} />
      <Tabs {...props} />
      <p class="sorted-by" id="sorted-by">
        {caseworkFor(props.lang).sortedBy(
          caseworkFor(props.lang).sortNames[
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
                <th scope="col">{m.type}</th>
                <th scope="col">{m.carrier}</th>
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
                <th scope="col">{caseworkFor(props.lang).daysColumn}</th>
                <th scope="col">{caseworkFor(props.lang).assigneeColumn}</th>
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
