import type { EffectiveRetention } from '../../../domain/shop';
import type { ErasureAct } from '../../../domain/personal-data';
import type { Language } from '../../i18n/lang';
import { personalDataFor } from '../../i18n/personal-data';
import { CSRF_FIELD } from '../../session/csrf';
import { Layout } from '../layout';
import type { Choice } from '../parts/fields';
import { useInstant } from '../parts/instant';

/** The ways the form names a person. */
export const ERASE_BY = ['phone', 'email', 'claimId', 'orderId'] as const;
export type EraseBy = (typeof ERASE_BY)[number];

/** The person the clerk named, to confirm (step 2) or to correct (a refusal). */
export interface ErasureDraft {
  by: EraseBy;
  value: string;
  /** Why it was refused: not valid, or no such claim or order. */
  refused?: 'invalid' | 'notFound' | undefined;
}

export interface ErasuresPageProps {
  lang: Language;
  path: string;
  csrf: string;
  shops: Choice[];
  /** The shop chosen; absent: only the picker. */
  shopId?: string | undefined;
  retention?: EffectiveRetention | undefined;
  acts: ErasureAct[];
  nextHref?: string | undefined;
  /** Step 2 (confirm) or a refused step 1. */
  draft?: ErasureDraft | undefined;
}

/** The href of an act's printable page. @example actHref(act) */
export const actHref = (act: Pick<ErasureAct, 'id' | 'shopId'>) =>
  `/desk/personal-data/erasures/${act.id}?shopId=${encodeURIComponent(act.shopId)}`;

/** The act's records, counted by kind. */
const counted = (act: ErasureAct, kind: ErasureAct['records'][number]['kind']) =>
  act.records.filter((r) => r.kind === kind).length;

/**
 * A shop's destruction acts, newest first, and the form that erases a person's data on the
 * shop's instruction: name the person, then confirm (nothing is erased on the first post).
 *
 * @example <ErasuresPage lang="en" path="/desk/personal-data" csrf={t} shops={choices} acts={[]} />
 */
export function ErasuresPage(props: ErasuresPageProps) {
  const m = personalDataFor(props.lang);
  const at = useInstant(props.lang);
  const { shopId, draft } = props;
  const confirming = draft !== undefined && draft.refused === undefined;
  return (
    <Layout
      lang={props.lang}
      title={m.title}
      path={props.path}
      csrf={props.csrf}
      current="personalData"
      wide
    >
      <h1>{m.title}</h1>
      <form method="get" action="/desk/personal-data" class="filters">
        <label for="pd-shop">{m.shopLabel}</label>{' '}
        <select id="pd-shop" name="shopId">
          {props.shops.map((s) => (
            <option value={s.value} selected={s.value === shopId}>
              {s.label}
            </option>
          ))}
        </select>{' '}
        <button type="submit">{m.show}</button>
      </form>
      {shopId === undefined ? (
        <p>{m.chooseShop}</p>
      ) : (
        <>
          {props.retention ? (
            <p id="pd-retention">
              {m.retention(props.retention.retainDays, props.retention.isDefault)}
            </p>
          ) : null}
          {confirming ? (
            <section class="card narrow" aria-labelledby="pd-confirm-title">
              <h2 id="pd-confirm-title">{m.confirmTitle}</h2>
              <p>{m.confirmText(shopId)}</p>
              <p>
                <strong>{m.confirmWho(m.by[draft.by])}:</strong> {draft.value}
              </p>
              <form method="post" action="/desk/personal-data/erasures">
                <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
                <input type="hidden" name="shopId" value={shopId} />
                <input type="hidden" name="by" value={draft.by} />
                <input type="hidden" name="value" value={draft.value} />
                <input type="hidden" name="confirm" value="1" />
                <button type="submit">{m.confirm}</button>{' '}
                <a href={`/desk/personal-data?shopId=${encodeURIComponent(shopId)}`}>{m.cancel}</a>
              </form>
            </section>
          ) : (
            <EraseForm {...props} shopId={shopId} />
          )}
          <h2>{m.actsHeading}</h2>
          {props.acts.length === 0 ? (
            <p>{m.noActs}</p>
          ) : (
            <table id="pd-acts">
              <thead>
                <tr>
                  <th scope="col">{m.columns.at}</th>
                  <th scope="col">{m.columns.ref}</th>
                  <th scope="col">{m.columns.records}</th>
                  <th scope="col">{m.columns.instruction}</th>
                </tr>
              </thead>
              <tbody>
                {props.acts.map((act) => (
                  <tr>
                    <td>
                      <a href={actHref(act)}>{at(act.startedAt)}</a>
                    </td>
                    <td>{act.subjectRef}</td>
                    <td>
                      {m.recordsCount(
                        counted(act, 'claim'),
                        counted(act, 'order'),
                        counted(act, 'message'),
                      )}
                    </td>
                    <td>
                      {act.instruction.kind === 'request'
                        ? m.instruction('request')
                        : m.instruction('retention', act.instruction.retainDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {props.nextHref ? (
            <p class="pages">
              <a href={props.nextHref}>{m.more}</a>
            </p>
          ) : null}
        </>
      )}
    </Layout>
  );
}

/** Step 1: whom to erase. */
function EraseForm(props: ErasuresPageProps & { shopId: string }) {
  const m = personalDataFor(props.lang);
  const { draft } = props;
  const error = draft?.refused === undefined ? undefined : m[draft.refused];
  return (
    <form method="post" action="/desk/personal-data/erasures" class="card narrow">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <input type="hidden" name="shopId" value={props.shopId} />
      <fieldset>
        <legend>{m.eraseHeading}</legend>
        <p class="hint" id="pd-hint">
          {m.eraseHint}
        </p>
        <div class="field">
          <label for="pd-by">{m.byLabel}</label>
          <select id="pd-by" name="by">
            {ERASE_BY.map((by) => (
              <option value={by} selected={by === (draft?.by ?? 'phone')}>
                {m.by[by]}
              </option>
            ))}
          </select>
        </div>
        <div class={error ? 'field invalid' : 'field'}>
          <label for="pd-value">{m.valueLabel}</label>
          <input
            id="pd-value"
            name="value"
            required
            maxlength={254}
            value={draft?.value ?? ''}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'pd-hint pd-value-error' : 'pd-hint'}
          />
          {error ? (
            <p class="field-error" id="pd-value-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </fieldset>
      <button type="submit">{m.next}</button>
    </form>
  );
}
