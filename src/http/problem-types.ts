import type { DomainErrorCode } from '../domain/errors';
import type { ConflictEntity, StorageError } from '../storage/errors';

/**
 * Every kind of problem the API answers with, as data: a stable slug (the end
 * of the `type` URI), the HTTP status and a title. Clients switch on `type`.
 */
export const PROBLEMS = {
  validation: { slug: 'validation-failed', status: 422, title: 'The request is not valid' },
  malformedJson: { slug: 'malformed-json', status: 400, title: 'The body is not valid JSON' },
  unsupportedMediaType: {
    slug: 'unsupported-media-type',
    status: 415,
    title: 'The body must be application/json',
  },
  bodyTooLarge: { slug: 'body-too-large', status: 413, title: 'The body is too large' },
  notFound: { slug: 'not-found', status: 404, title: 'Not found' },
  methodNotAllowed: { slug: 'method-not-allowed', status: 405, title: 'Method not allowed' },
  calendarYearUnknown: {
    slug: 'calendar-year-unknown',
    status: 422,
    title: 'The calendar has no data for that year',
  },
  calendarUnknown: { slug: 'calendar-unknown', status: 422, title: 'No calendar for that country' },
  policyUnknown: { slug: 'policy-unknown', status: 422, title: 'No policy for that carrier' },
  currencyMismatch: {
    slug: 'currency-mismatch',
    status: 422,
    title: 'Amounts in different currencies',
  },
  invalidInput: { slug: 'invalid-input', status: 422, title: 'The input breaks a rule' },
  unauthorized: { slug: 'unauthorized', status: 401, title: 'A valid API key is required' },
  forbidden: { slug: 'forbidden', status: 403, title: 'Your key may not do this' },
  invalidTransition: {
    slug: 'invalid-transition',
    status: 409,
    title: 'The claim cannot make that move',
  },
  conflict: { slug: 'conflict', status: 409, title: 'The claim changed meanwhile' },
  orderChanged: { slug: 'order-changed', status: 409, title: 'The order changed meanwhile' },
  shopChanged: {
    slug: 'shop-changed',
    status: 409,
    title: 'The shop’s profile changed meanwhile',
  },
  preconditionFailed: {
    slug: 'precondition-failed',
    status: 412,
    title: 'The claim changed since you read it',
  },
  idempotencyConflict: {
    slug: 'idempotency-key-reused',
    status: 422,
    title: 'The Idempotency-Key was used for a different request',
  },
  filingDeadlinePassed: {
    slug: 'filing-deadline-passed',
    status: 422,
    title: 'The filing deadline has passed',
  },
  notLate: {
    slug: 'not-late',
    status: 422,
    title: 'The parcel was not late: there is nothing to claim',
  },
  evidenceLimit: {
    slug: 'evidence-limit',
    status: 422,
    title: 'The claim cannot take that much evidence',
  },
  claimExists: {
    slug: 'claim-exists',
    status: 409,
    title: 'An open claim of this type exists for the parcel',
  },
  // Remedies (src/domain/remedy).
  remedyOverLimit: {
    slug: 'remedy-over-limit',
    status: 422,
    title: 'The offer is above what the shop may give (its remedyLimits)',
  },
  remedyLimitsUnset: {
    slug: 'remedy-limits-unset',
    status: 422,
    title: 'The shop has set no remedy limits: it cannot offer a discount, gift or voucher yet',
  },
  remedySettled: {
    slug: 'remedy-settled',
    status: 409,
    title: 'The remedy was already accepted or declined',
  },
  claimCancelled: { slug: 'claim-cancelled', status: 409, title: 'The claim was withdrawn' },
  rateLimited: {
    slug: 'rate-limited',
    status: 429,
    title: 'Too many requests; retry after the time in Retry-After',
  },
  storageUnavailable: {
    slug: 'storage-unavailable',
    status: 503,
    title: 'Claim storage is unavailable; retry later',
  },
  storageOutcomeUnknown: {
    slug: 'storage-outcome-unknown',
    status: 503,
    title: 'The write may have been stored; retry with the same Idempotency-Key',
  },
  storageBusy: {
    slug: 'storage-busy',
    status: 503,
    title: 'Claim storage is busy; nothing was written, retry after Retry-After',
  },
  recordTooLarge: {
    slug: 'record-too-large',
    status: 422,
    title: 'The record is too large to store',
  },
  internal: { slug: 'internal', status: 500, title: 'Something went wrong on our side' },
  // Evidence files (src/services/evidence-files.ts; EvidenceFileError codes, FILE_PROBLEM_OF_CODE).
  evidenceNotFound: {
    slug: 'evidence-not-found',
    status: 404,
    title: 'The claim has no evidence entry with that id',
  },
  fileNotFound: { slug: 'file-not-found', status: 404, title: 'The evidence entry has no file' },
  fileExists: {
    slug: 'file-exists',
    status: 409,
    title: 'The evidence entry already has its file; files are not replaced',
  },
  fileTooLarge: { slug: 'file-too-large', status: 413, title: 'The file is larger than 10 MB' },
  fileTypeUnsupported: {
    slug: 'file-type-unsupported',
    status: 415,
    title: 'The file must be a PDF, JPEG, PNG, WebP or HEIC/HEIF',
  },
  fileTypeMismatch: {
    slug: 'file-type-mismatch',
    status: 422,
    title: 'The file’s bytes are not of the type it was sent as',
  },
  fileStorageOff: {
    slug: 'file-storage-unavailable',
    status: 503,
    title: 'Evidence file storage is unavailable',
  },
} as const;

export type ProblemKind = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemKind]['status'];

/** The `type` URI of a problem: a path on this API that documents it. */
export const problemTypeUri = (kind: ProblemKind): string => `/problems/${PROBLEMS[kind].slug}`;

/** Every code a domain or storage error carries. */
export type ErrorCode = DomainErrorCode | StorageError['code'];

/**
 * THE table from an error's code to the problem it is answered with (and so its
 * status and `type`). The service throws only errors with these codes; the
 * desk turns the same codes into pages (src/desk/routes/desk-errors.ts).
 *
 * @example PROBLEM_OF_CODE['stale-version'] // 'preconditionFailed' (412)
 */
export const PROBLEM_OF_CODE = {
  'invalid-input': 'invalidInput',
  'currency-mismatch': 'currencyMismatch',
  'calendar-year-unknown': 'calendarYearUnknown',
  'calendar-unknown': 'calendarUnknown',
  'policy-unknown': 'policyUnknown',
  'filing-deadline-passed': 'filingDeadlinePassed',
  'not-late': 'notLate',
  'invalid-transition': 'invalidTransition',
  'stale-version': 'preconditionFailed',
  'not-found': 'notFound',
  'filter-not-allowed': 'validation',
  'evidence-limit': 'evidenceLimit',
  'claim-exists': 'claimExists',
  'remedy-over-limit': 'remedyOverLimit',
  'remedy-limits-unset': 'remedyLimitsUnset',
  'remedy-settled': 'remedySettled',
  'claim-cancelled': 'claimCancelled',
  'storage-unavailable': 'storageUnavailable',
  'storage-outcome-unknown': 'storageOutcomeUnknown',
  'storage-busy': 'storageBusy',
  'record-too-large': 'recordTooLarge',
  conflict: 'conflict',
  'idempotency-conflict': 'idempotencyConflict',
  'invalid-cursor': 'validation',
} as const satisfies Record<ErrorCode, ProblemKind>;

/**
 * The problem a lost race (code `conflict`) is answered with, by what changed: a claim keeps
 * its `conflict`; an order and a shop's profile have their own, worded for them.
 *
 * @example PROBLEM_OF_CONFLICT.order // 'orderChanged' (409 /problems/order-changed)
 */
export const PROBLEM_OF_CONFLICT = {
  claim: 'conflict',
  order: 'orderChanged',
  shop: 'shopChanged',
} as const satisfies Record<ConflictEntity, ProblemKind>;
