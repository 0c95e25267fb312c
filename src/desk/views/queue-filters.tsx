/**
 * The queue's filters in one compact row, and its status tabs (issue 21: the first screen
 * shows claims, not a form). The status is a tab, a link that keeps the other filters; the
 * form carries the tab's status along when it is applied. Hints stay for screen readers
 * (each field's aria-describedby) but take no line on screen.
 */
import { carrierChoices } from '../forms/carrier-choices';
import { pageHref } from '../forms/queue-query';
import { caseworkFor } from '../i18n/casework';
import { labelsFor } from '../i18n/labels';
import type { Language } from '../i18n/lang';
import { queueFor } from '../i18n/queue';
import { CLAIM_STATUSES, CLAIM_TYPES, type ClaimStatus } from '../../domain/claim';
import { CLAIM_SORTS } from '../../services/claims';
import type { StatusCounts } from '../../storage/repository';
import { useInstant } from './parts/instant';
import { CheckboxField, SelectField, TextField } from './parts/fields';

/** What the filters and the tabs are drawn from. */
export interface QueueFilterProps {
  lang: Language;
  /** The filters as given, to fill the form again. */
  query: Record<string, string>;
  /** Claims per status (the tabs' counts), when read. */
  counts?: StatusCounts | undefined;
  /** When the counters were last brought up to date (they are kept off the request path). */
  countsAsOf?: string | undefined;
}

/**
 * The link to the queue with `changes` applied to the query (a new first page).
 * @example hrefWith({ shopId: 's', cursor: 'c' }, { status: 'paid' }) // '/desk/claims?shopId=s&status=paid'
 */
export const hrefWith = (
  query: Record<string, string>,
  changes: Record<string, string | undefined>,
): string => {
  const { cursor: _page, ...rest } = query;
  const next: Record<string, string> = { ...rest };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete next[name];
    else next[name] = value;
  }
  return pageHref(next);
};

/**
 * The status tabs, each with how many claims it holds (counters, not a count of claims) when
 * they were read, and as of when: the counters follow a change a few seconds later.
 *
 * @example <StatusTabs lang="en" query={{ shopId: 's' }} counts={counts} />
 */
export function StatusTabs(props: QueueFilterProps) {
  const instant = useInstant(props.lang);
  const w = caseworkFor(props.lang);
  const l = labelsFor(props.lang);
  const { counts } = props;
  const current = props.query.status;
  const tab = (status: ClaimStatus | undefined, label: string, count: number | undefined) => (
    <li>
      <a
        href={hrefWith(props.query, { status })}
        aria-current={current === status ? 'page' : undefined}
        data-status={status ?? 'all'}
      >
        {label}
        {count === undefined ? null : (
          <>
            {' '}
            <span class="badge">{count}</span>
          </>
        )}
      </a>
    </li>
  );
  const total = counts && Object.values(counts).reduce((sum, n) => sum + n, 0);
  return (
    <>
      <nav aria-label={w.tabs} class="tabs">
        <ul>
          {tab(undefined, w.allStatuses, total)}
          {CLAIM_STATUSES.map((status) => tab(status, l.status[status], counts?.[status]))}
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

/**
 * The filters, in one row (two on a narrow screen); the status is the tabs'.
 *
 * @example <QueueFilters lang="en" query={{ overdue: 'true' }} />
 */
export function QueueFilters(props: QueueFilterProps) {
  const m = queueFor(props.lang);
  const l = labelsFor(props.lang);
  const w = caseworkFor(props.lang);
  const q = props.query;
  const field = (name: string) => ({ id: `q-${name}`, name, lang: props.lang });
  return (
    <form method="get" action="/desk/claims" class="card filters" aria-labelledby="filters-title">
      <h2 id="filters-title" class="visually-hidden">
        {m.filters}
      </h2>
      {q.status ? <input type="hidden" name="status" value={q.status} /> : null}
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
      <div class="checks">
        <CheckboxField
          {...field('overdue')}
          label={m.overdueOnly}
          hint={m.overdueHint}
          checked={q.overdue === 'true'}
        />
        <CheckboxField {...field('mine')} label={w.mine} checked={q.mine === 'true'} />
      </div>
      <div class="actions">
        <button type="submit">{m.apply}</button>
        <a href="/desk/claims">{m.reset}</a>
      </div>
    </form>
  );
}
