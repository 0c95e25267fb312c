/**
 * The refusals of the audit calls (issue 24), each with a stable code answered from the API's
 * one table (src/http/problem-types.ts): no such audit (`not-found`, 404), a file over the
 * cap (413), a spreadsheet that is not CSV (415), an empty file, unknown `columns` fields or
 * `lines` (400, naming the parameter), the audit bucket unbound (503), and filing for a shop
 * with no profile to sign the claims (409).
 */
import { CodedError, type BlamedInput } from '../domain/errors';

export type AuditErrorCode =
  | 'audit-file-too-large'
  | 'audit-file-unsupported'
  | 'audit-not-completed'
  | 'audit-request-invalid'
  | 'audit-storage-off'
  | 'shop-profile-required';

/** Seconds to wait before asking again while the audit bucket or queue is not bound. */
const STORAGE_OFF_RETRY_SECONDS = 60;

/** @example throw new AuditNotFoundError('aud_1'); */
export class AuditNotFoundError extends CodedError {
  override readonly name = 'AuditNotFoundError';
  readonly code = 'not-found' as const;
  constructor(id: string) {
    super(`No audit ${id}.`);
  }
}

/**
 * @example throw new AuditError('audit-request-invalid', 'The file is empty.');
 * @example throw new AuditError('audit-request-invalid', 'Unknown fields: weight', { parameter: 'columns', code: 'unknown_field', detail: 'Unknown fields: weight' });
 */
export class AuditError extends CodedError {
  override readonly name = 'AuditError';
  override readonly retryAfterSeconds: number | undefined;
  override readonly blamed: BlamedInput | undefined;
  constructor(
    readonly code: AuditErrorCode,
    message: string,
    blamed?: BlamedInput,
  ) {
    super(message);
    this.blamed = blamed;
    this.retryAfterSeconds = code === 'audit-storage-off' ? STORAGE_OFF_RETRY_SECONDS : undefined;
  }
}
