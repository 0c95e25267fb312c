/**
 * Errors by form field. Schema issues come with a path, domain errors with a
 * JSON Pointer into the whole body (`/shipment/deliveryCost/amount`, exactly
 * as the API names them); both are mapped to the field that shows the error,
 * so it appears beside what the clerk typed, in the page's language.
 */
import type { ZodError } from 'zod';
import type { DomainError } from '../../domain/errors';
import { domainIssue, issuesOf, type FieldIssue } from '../../http/field-issues';
import { fieldErrorText } from '../i18n/field-errors';
import type { Language } from '../i18n/lang';

/** Field name → message; `_form` for an error no field owns. */
export type FieldErrors = Record<string, string>;

/** Field name → what is wrong there (code, params, English), before it is put in a language. */
export type FieldIssues = Record<string, FieldIssue>;

/** Which form field shows an error at a path of the body. */
type FieldOf = (path: readonly PropertyKey[]) => string;

/** The key of errors that belong to no single field. */
export const FORM_LEVEL = '_form';

/**
 * The segments of a JSON Pointer.
 *
 * @example pointerPath('/approvedAmount/amount') // ['approvedAmount', 'amount']
 */
export const pointerPath = (pointer: string | undefined): string[] =>
  (pointer ?? '')
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/**
 * Which of a move form's fields an issue path belongs to: money paths
 * (`approvedAmount/amount`, `amount/currency`) to `amount`, else the first
 * segment when it is a field, else the form.
 *
 * @example fieldFor(['approvedAmount', 'amount'], ['amount', 'reason']) // 'amount'
 * @example fieldFor(['paidOn'], ['amount', 'paidOn']) // 'paidOn'
 */
export function fieldFor(path: readonly PropertyKey[], fields: readonly string[]): string {
  const names = path.map(String);
  if (fields.includes('amount') && (names.includes('amount') || names.includes('approvedAmount'))) {
    return 'amount';
  }
  const first = names[0];
  return first !== undefined && fields.includes(first) ? first : FORM_LEVEL;
}

/**
 * A schema's issues by the field that shows them, the first one per field.
 *
 * @example schemaIssues(error, (path) => fieldFor(path, ['amount'])) // { amount: { code: 'required', … } }
 */
export function schemaIssues(error: ZodError, fieldOf: FieldOf): FieldIssues {
  const issues: FieldIssues = {};
  for (const issue of error.issues.flatMap(issuesOf)) issues[fieldOf(issue.path)] ??= issue;
  return issues;
}

/**
 * A domain error at the field its pointer names (the form, without one).
 *
 * @example domainIssues(error, (path) => filingFieldFor(path, [])) // { declaredValue: { code: 'currency_mismatch', … } }
 */
export const domainIssues = (error: DomainError, fieldOf: FieldOf): FieldIssues => ({
  [fieldOf(pointerPath(error.pointer))]: domainIssue(error),
});

/**
 * Field issues as the messages a page shows, in its language.
 *
 * @example inLanguage('ru', { waybill: { code: 'required', params: {}, message: 'is required' } }) // { waybill: 'обязательное поле' }
 */
export const inLanguage = (lang: Language, issues: FieldIssues): FieldErrors =>
  Object.fromEntries(
    Object.entries(issues).map(([field, issue]) => [field, fieldErrorText(lang, issue)]),
  );
