/**
 * The desk's offer form as the API's body: the same schema (RemedyOfferSchema)
 * checks it, so a form and an API call are refused for the same reasons.
 */
import type { RemedyAnswer, RemedyOffer } from '../../domain/remedy';
import type { CurrencyCode } from '../../domain/money';
import { PARSE_OPTIONS } from '../../http/field-issues';
import { RemedyOfferSchema } from '../../schemas/remedy.schema';
import { fieldFor, schemaIssues, type FieldIssues } from './field-errors';
import { moneyFields } from './money-input';

/** The offer form's fields (besides the CSRF token). */
export const REMEDY_FIELDS = ['kind', 'amount', 'percent', 'note'] as const;

/** What the form's answer buttons post to (`/remedies/:remedyId/:answer`). */
export const REMEDY_ANSWERS = { accept: 'accepted', decline: 'declined' } as const satisfies Record<
  string,
  RemedyAnswer
>;
export type RemedyAnswerPath = keyof typeof REMEDY_ANSWERS;

/**
 * A posted offer form that does not pass the API's schema; issues by form field.
 *
 * @example throw new RemedyFormError({ percent: { code: 'required', params: {}, message: 'is required' } });
 */
export class RemedyFormError extends Error {
  override readonly name = 'RemedyFormError';
  constructor(readonly issues: FieldIssues) {
    super('the remedy form is not valid');
  }
}

/** Which form field shows an issue at a body path (`value/amount` → `amount`). */
export const remedyFieldFor = (path: readonly PropertyKey[]): string =>
  path[0] === 'value' ? 'amount' : fieldFor(path, REMEDY_FIELDS);

const filled = (form: Record<string, string>, name: string) => form[name]?.trim() || undefined;

/**
 * The offer a posted form asks for, on a claim in `currency`. A percent is sent as
 * the number typed (a fraction or a word fails the schema like it would on the API).
 *
 * @throws {RemedyFormError} when a field breaks the API's schema.
 * @example remedyOffer({ kind: 'discount_next_order', percent: '10' }, 'RUB') // { kind: 'discount_next_order', percent: 10 }
 */
export function remedyOffer(form: Record<string, string>, currency: CurrencyCode): RemedyOffer {
  const { amounts, issues } = moneyFields(form, ['amount']);
  const amount = amounts.amount || undefined;
  const percent = filled(form, 'percent');
  const body = {
    kind: form.kind ?? '',
    value: amount === undefined ? undefined : { amount, currency },
    percent: percent === undefined ? undefined : /^\d+$/.test(percent) ? Number(percent) : percent,
    note: filled(form, 'note'),
  };
  const parsed = RemedyOfferSchema.safeParse(body, PARSE_OPTIONS);
  if (parsed.success && Object.keys(issues).length === 0) return parsed.data;
  const schema = parsed.success ? {} : schemaIssues(parsed.error, remedyFieldFor);
  throw new RemedyFormError({ ...schema, ...issues });
}
