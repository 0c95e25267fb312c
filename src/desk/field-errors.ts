/**
 * Errors by form field. Schema issues come with a path, domain errors with a
 * JSON Pointer; both are mapped to the field that shows the error, so it
 * appears beside what the clerk typed.
 */

/** Field name → message; `_form` for an error no field owns. */
export type FieldErrors = Record<string, string>;

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
