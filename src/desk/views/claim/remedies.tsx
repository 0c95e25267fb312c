import { CSRF_FIELD } from '../../session/csrf';
import { Instant } from '../parts/instant';
import { FORM_LEVEL, type FieldErrors } from '../../forms/field-errors';
import { formatMoney } from '../../../format';
import type { Language } from '../../i18n/lang';
import { remediesFor } from '../../i18n/remedies';
import type { Claim } from '../../../domain/claim';
import { customerSide, REMEDY_KINDS, type Remedy } from '../../../domain/remedy';
import type { RemedyLimits } from '../../../domain/shop';
import { FieldError } from '../parts/field-error';
import { useAutofocus } from '../parts/first-error';
import { SelectField, TextArea, TextField } from '../parts/fields';

/** The claim page's remedies: the list, the shop's limits, what the last step came to. */
export interface RemediesModel {
  remedies: Remedy[];
  /** The shop's limits; undefined until it has sent its profile. */
  limits: RemedyLimits | undefined;
  done?: 'offered' | 'accepted' | 'declined' | undefined;
  /** The answer was refused: that remedy was answered already. */
  settled?: boolean;
  /** The offer form came back with errors: what was typed, and why. */
  failed?: { values: Record<string, string>; errors: FieldErrors } | undefined;
}

const what = (remedy: Remedy, lang: Language): string => {
  const m = remediesFor(lang);
  const worth = remedy.percent !== undefined ? ` ${remedy.percent}%` : '';
  return `${m.kinds[remedy.kind]}${worth}${remedy.value ? `, ${formatMoney(lang, remedy.value)}` : ''}`;
};

function AnswerForms(props: { claim: Claim; remedy: Remedy; lang: Language; csrf: string }) {
  const m = remediesFor(props.lang);
  const action = (answer: string) =>
    `/desk/claims/${props.claim.id}/remedies/${props.remedy.id}/${answer}`;
  const label = what(props.remedy, props.lang);
  return (
    <div class="answer-buttons">
      <form method="post" action={action('accept')}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <button type="submit" aria-label={m.acceptLabel(label)}>
          {m.accept}
        </button>
      </form>
      <form method="post" action={action('decline')}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <button type="submit" class="secondary" aria-label={m.declineLabel(label)}>
          {m.decline}
        </button>
      </form>
    </div>
  );
}

function OfferForm(props: { claim: Claim; model: RemediesModel; lang: Language; csrf: string }) {
  const { claim, lang, model } = props;
  const m = remediesFor(lang);
  const values = model.failed?.values ?? {};
  const errors = model.failed?.errors ?? {};
  const currency = claim.compensation.amount.currency;
  const id = (name: string) => ({ id: `remedy-${name}`, name, lang, error: errors[name] });
  const limits = model.limits;
  return (
    <form
      method="post"
      action={`/desk/claims/${claim.id}/remedies`}
      class="remedy-offer"
      aria-labelledby="remedy-offer-title"
      id="remedy-offer"
    >
      <h3 id="remedy-offer-title">{m.offerTitle}</h3>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <p class="hint">
        {limits
          ? m.limits(`${limits.maxDiscountPercent}%`, formatMoney(lang, limits.maxGiftValue))
          : m.noLimits}
      </p>
      <FieldError id="remedy-form-error" lang={lang} message={errors[FORM_LEVEL]} formLevel />
      <SelectField
        {...id('kind')}
        label={m.kindLabel}
        required
        value={values.kind}
        choices={REMEDY_KINDS.map((kind) => ({ value: kind, label: m.kinds[kind] }))}
      />
      <TextField
        {...id('amount')}
        label={m.amount}
        inputmode="decimal"
        value={values.amount}
        hint={m.amountHint(currency)}
      />
      <TextField
        {...id('percent')}
        label={m.percent}
        inputmode="numeric"
        value={values.percent}
        hint={m.percentHint}
      />
      <TextArea {...id('note')} label={m.note} value={values.note} rows={2} />
      <button type="submit">{m.submit}</button>
    </form>
  );
}

/**
 * "Customer remedies": what the customer was offered and gave an answer to, the
 * money accepted, an offer form within the shop's limits and the answer buttons.
 *
 * @example <CustomerRemedies claim={claim} model={{ remedies, limits }} lang="en" csrf={token} />
 */
export function CustomerRemedies(props: {
  claim: Claim;
  model: RemediesModel | undefined;
  lang: Language;
  csrf: string;
}) {
  const { claim, lang, model } = props;
  if (!model) return null;
  const m = remediesFor(lang);
  const side = customerSide(model.remedies, claim.compensation.amount.currency);
  const open = claim.status !== 'cancelled';
  // A refused answer is said here, far down the page: the page lands on it.
  const landHere = useAutofocus(model.settled === true);
  return (
    <section aria-labelledby="remedies-title" class="card" id="remedies">
      <h2 id="remedies-title">{m.title}</h2>
      {model.done ? (
        <p class="notice success" role="status">
          {m.done[model.done]}
        </p>
      ) : null}
      {model.settled ? (
        <p
          class="notice error"
          role="alert"
          {...(landHere ? { tabindex: -1, autofocus: true } : {})}
        >
          {m.settled}
        </p>
      ) : null}
      <p class="muted">{m.intro}</p>
      {model.remedies.length === 0 ? (
        <p>{m.none}</p>
      ) : (
        <table class="remedies">
          <thead>
            <tr>
              <th scope="col">{m.kind}</th>
              <th scope="col">{m.worth}</th>
              <th scope="col">{m.state}</th>
              <th scope="col">{m.offered}</th>
              {open ? <th scope="col">{m.answer}</th> : null}
            </tr>
          </thead>
          <tbody>
            {model.remedies.map((remedy) => (
              <tr id={`remedy-${remedy.id}`}>
                <td>
                  {m.kinds[remedy.kind]}
                  {remedy.note ? <span class="muted prose">{` — ${remedy.note}`}</span> : null}
                </td>
                <td>
                  {remedy.percent !== undefined ? `${remedy.percent}%` : null}
                  {remedy.value ? formatMoney(lang, remedy.value) : null}
                </td>
                <td>{m.statuses[remedy.status]}</td>
                <td>
                  <Instant lang={lang} at={remedy.offeredAt} />
                </td>
                {open ? (
                  <td>
                    {remedy.status === 'offered' ? (
                      <AnswerForms claim={claim} remedy={remedy} lang={lang} csrf={props.csrf} />
                    ) : (
                      <Instant lang={lang} at={remedy.answeredAt ?? remedy.offeredAt} />
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl class="facts">
        <dt>{m.given}</dt>
        <dd id="remedies-given">{formatMoney(lang, side.given)}</dd>
      </dl>
      {open ? (
        <OfferForm claim={claim} model={model} lang={lang} csrf={props.csrf} />
      ) : (
        <p>{m.cancelled}</p>
      )}
    </section>
  );
}
