import { CSRF_FIELD } from '../../session/csrf';
import { FORM_LEVEL, type FieldErrors } from '../../forms/field-errors';
import { claimFor } from '../../i18n/claim';
import { formatMoney } from '../../../format';
import type { Language } from '../../i18n/lang';
import type { ClerkMove } from '../../forms/move-form';
import { moneyInputValue } from '../../forms/money-input';
import type { Claim } from '../../../domain/claim';
import { FieldError } from '../parts/field-error';
import { TextArea, TextField } from '../parts/fields';

/** A move form that came back with errors: what was typed, and why it failed. */
export interface FailedMove {
  move: ClerkMove;
  values: Record<string, string>;
  errors: FieldErrors;
}

interface MoveFormProps {
  move: ClerkMove;
  claim: Claim;
  lang: Language;
  csrf: string;
  today: string;
  failed?: FailedMove | undefined;
}

/** The fields of one move, filled with what was typed or sensible defaults. */
function Fields(props: MoveFormProps & { values: Record<string, string>; errors: FieldErrors }) {
  const { move, lang, values, errors, claim } = props;
  const m = claimFor(lang);
  const id = (name: string) => ({ id: `${move}-${name}`, name, lang, error: errors[name] });
  const computed = formatMoney(lang, claim.compensation.amount);
  if (move === 'review')
    return <TextArea {...id('note')} label={m.noteOptional} value={values.note} rows={2} />;
  if (move === 'payment') {
    const approved = claim.decision?.approvedAmount?.amount ?? claim.compensation.amount.amount;
    return (
      <>
        <TextField
          {...id('amount')}
          label={m.paidAmount}
          inputmode="decimal"
          required
          value={values.amount ?? moneyInputValue(lang, approved)}
          hint={m.amountHint(computed)}
        />
        <TextField
          {...id('paidOn')}
          type="date"
          label={m.paidOn}
          required
          value={values.paidOn ?? props.today}
        />
        <TextField {...id('reference')} label={m.reference} required value={values.reference} />
      </>
    );
  }
  const reasonRequired = move !== 'approve';
  return (
    <>
      {move === 'partial' ? (
        <TextField
          {...id('amount')}
          label={m.approvedAmount}
          inputmode="decimal"
          required
          value={values.amount}
          hint={m.amountHint(computed)}
        />
      ) : null}
      <TextArea
        {...id('reason')}
        label={reasonRequired ? m.reason : m.reasonOptional}
        required={reasonRequired}
        value={values.reason}
        rows={2}
      />
    </>
  );
}

function MoveForm(props: MoveFormProps) {
  const { move, claim, lang } = props;
  const texts = claimFor(lang).moves[move];
  const failed = props.failed?.move === move ? props.failed : undefined;
  const formError = failed?.errors[FORM_LEVEL];
  return (
    <form
      method="post"
      action={`/desk/claims/${claim.id}/moves/${move}`}
      class="move"
      aria-labelledby={`${move}-title`}
      id={`move-${move}`}
    >
      <h3 id={`${move}-title`}>{texts.title}</h3>
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      {/* The version this page shows: the post is refused if the claim moved meanwhile. */}
      <input type="hidden" name="version" value={String(claim.version)} />
      <FieldError id={`${move}-form-error`} lang={lang} message={formError} formLevel />
      <Fields {...props} values={failed?.values ?? {}} errors={failed?.errors ?? {}} />
      <button type="submit">{texts.submit}</button>
    </form>
  );
}

/**
 * One form per move the status allows; nothing else is offered.
 *
 * @example <Moves moves={['review']} claim={claim} lang="en" csrf={token} today="2025-06-16" />
 */
export function Moves(props: Omit<MoveFormProps, 'move'> & { moves: ClerkMove[] }) {
  const m = claimFor(props.lang);
  return (
    <section aria-labelledby="moves-title" class="card moves">
      <h2 id="moves-title">{m.nextSteps}</h2>
      {props.moves.length === 0 ? <p>{m.settled}</p> : null}
      <div class="move-grid">
        {props.moves.map((move) => (
          <MoveForm {...props} move={move} />
        ))}
      </div>
    </section>
  );
}
