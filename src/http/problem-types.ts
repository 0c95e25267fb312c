import { z } from '@hono/zod-openapi';
import { CLAIM_STATUSES } from '../domain/claim';
import type { DomainErrorCode } from '../domain/errors';
import { REMEDY_STATUSES } from '../domain/remedy';
import type { CarrierAccountErrorCode } from '../services/carrier-errors';
import type { EvidenceFileErrorCode } from '../services/evidence-files';
import type { WebhookErrorCode } from '../services/webhook-errors';
import type { AuditErrorCode } from '../services/audit-errors';
import type { StorageError } from '../storage/errors';

/** Every code a domain, storage, evidence-file, carrier-account or webhook error carries. */
export type ErrorCode =
  | DomainErrorCode
  | StorageError['code']
  | EvidenceFileErrorCode
  | CarrierAccountErrorCode
  | WebhookErrorCode
  | AuditErrorCode;

/**
 * One kind of problem: a stable slug (the end of the `type` URI), the HTTP status, a title;
 * the error codes answered with it; and the members its answer carries beside `type`,
 * `title`, `status`, `detail` and `instance`, each read off the error by its name (so a class
 * only has to hold them) and documented by its schema here.
 */
interface ProblemEntry {
  slug: string;
  status: number;
  title: string;
  codes?: readonly ErrorCode[];
  members?: z.ZodRawShape;
}

const currentVersion = z.number().int().openapi({ example: 3 });

/**
 * THE error table: every kind of problem the API answers with, as data. Clients switch on
 * `type`. Adding an error is one entry here (or one more code on an entry) and its class
 * (a `CodedError`: src/domain/errors.ts); the error handler, the `/problems/{slug}` pages and
 * the OpenAPI document read it. The desk turns the same codes into pages
 * (src/desk/routes/desk-errors.ts).
 *
 * @example PROBLEMS.preconditionFailed.codes // ['stale-version']: a StaleVersionError is a 412
 */
export const PROBLEMS = {
  validation: {
    slug: 'validation-failed',
    status: 422,
    title: 'The request is not valid',
    codes: ['filter-not-allowed', 'invalid-cursor'],
  },
  malformedJson: { slug: 'malformed-json', status: 400, title: 'The body is not valid JSON' },
  unsupportedMediaType: {
    slug: 'unsupported-media-type',
    status: 415,
    title: 'The body must be application/json',
  },
  bodyTooLarge: { slug: 'body-too-large', status: 413, title: 'The body is too large' },
  notFound: { slug: 'not-found', status: 404, title: 'Not found', codes: ['not-found'] },
  methodNotAllowed: { slug: 'method-not-allowed', status: 405, title: 'Method not allowed' },
  calendarYearUnknown: {
    slug: 'calendar-year-unknown',
    status: 422,
    title: 'The calendar has no data for that year',
    codes: ['calendar-year-unknown'],
  },
  calendarUnknown: {
    slug: 'calendar-unknown',
    status: 422,
    title: 'No calendar for that country',
    codes: ['calendar-unknown'],
  },
  policyUnknown: {
    slug: 'policy-unknown',
    status: 422,
    title: 'No policy for that carrier',
    codes: ['policy-unknown'],
  },
  currencyMismatch: {
    slug: 'currency-mismatch',
    status: 422,
    title: 'Amounts in different currencies',
    codes: ['currency-mismatch'],
  },
  invalidInput: {
    slug: 'invalid-input',
    status: 422,
    title: 'The input breaks a rule',
    codes: ['invalid-input'],
  },
  unauthorized: { slug: 'unauthorized', status: 401, title: 'A valid API key is required' },
  forbidden: { slug: 'forbidden', status: 403, title: 'Your key may not do this' },
  invalidTransition: {
    slug: 'invalid-transition',
    status: 409,
    title: 'The claim cannot make that move',
    codes: ['invalid-transition'],
    members: {
      currentStatus: z.enum(CLAIM_STATUSES).openapi({ example: 'paid' }),
      attempted: z
        .enum([...CLAIM_STATUSES, 'add_evidence'])
        .openapi({ example: 'in_review', description: 'The status asked for, or `add_evidence`' }),
    },
  },
  conflict: {
    slug: 'conflict',
    status: 409,
    title: 'The claim changed meanwhile',
    codes: ['conflict'],
    members: { currentVersion: currentVersion.optional() },
  },
  orderChanged: {
    slug: 'order-changed',
    status: 409,
    title: 'The order changed meanwhile',
    codes: ['order-changed'],
  },
  shopChanged: {
    slug: 'shop-changed',
    status: 409,
    title: 'The shop’s profile changed meanwhile',
    codes: ['shop-changed'],
  },
  preconditionFailed: {
    slug: 'precondition-failed',
    status: 412,
    title: 'The claim changed since you read it',
    codes: ['stale-version'],
    members: { currentVersion },
  },
  idempotencyConflict: {
    slug: 'idempotency-key-reused',
    status: 422,
    title: 'The Idempotency-Key was used for a different request',
    codes: ['idempotency-conflict'],
  },
  filingDeadlinePassed: {
    slug: 'filing-deadline-passed',
    status: 422,
    title: 'The filing deadline has passed',
    codes: ['filing-deadline-passed'],
  },
  notLate: {
    slug: 'not-late',
    status: 422,
    title: 'The parcel was not late: there is nothing to claim',
    codes: ['not-late'],
  },
  evidenceLimit: {
    slug: 'evidence-limit',
    status: 422,
    title: 'The claim cannot take that much evidence',
    codes: ['evidence-limit'],
  },
  claimExists: {
    slug: 'claim-exists',
    status: 409,
    title: 'An open claim of this type exists for the parcel',
    codes: ['claim-exists'],
    members: {
      existingClaimId: z.string().openapi({
        example: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
        description: 'The open claim: `GET /v1/claims/{existingClaimId}`',
      }),
    },
  },
  // Remedies (src/domain/remedy).
  remedyOverLimit: {
    slug: 'remedy-over-limit',
    status: 422,
    title: 'The offer is above what the shop may give (its remedyLimits)',
    codes: ['remedy-over-limit'],
  },
  remedyLimitsUnset: {
    slug: 'remedy-limits-unset',
    status: 422,
    title: 'The shop has set no remedy limits: it cannot offer a discount, gift or voucher yet',
    codes: ['remedy-limits-unset'],
  },
  remedySettled: {
    slug: 'remedy-settled',
    status: 409,
    title: 'The remedy was already accepted or declined',
    codes: ['remedy-settled'],
    members: {
      currentStatus: z
        .enum(REMEDY_STATUSES)
        .openapi({ example: 'accepted', description: 'How the customer answered' }),
    },
  },
  claimCancelled: {
    slug: 'claim-cancelled',
    status: 409,
    title: 'The claim was withdrawn',
    codes: ['claim-cancelled'],
  },
  rateLimited: {
    slug: 'rate-limited',
    status: 429,
    title: 'Too many requests; retry after the time in Retry-After',
  },
  storageUnavailable: {
    slug: 'storage-unavailable',
    status: 503,
    title: 'Claim storage is unavailable; retry later',
    codes: ['storage-unavailable'],
  },
  storageOutcomeUnknown: {
    slug: 'storage-outcome-unknown',
    status: 503,
    title: 'The write may have been stored; retry with the same Idempotency-Key',
    codes: ['storage-outcome-unknown'],
  },
  storageBusy: {
    slug: 'storage-busy',
    status: 503,
    title: 'Claim storage is busy; nothing was written, retry after Retry-After',
    codes: ['storage-busy'],
  },
  recordTooLarge: {
    slug: 'record-too-large',
    status: 422,
    title: 'The record is too large to store',
    codes: ['record-too-large'],
  },
  internal: { slug: 'internal', status: 500, title: 'Something went wrong on our side' },
  // Evidence files (src/services/evidence-files.ts: EvidenceFileError codes).
  evidenceNotFound: {
    slug: 'evidence-not-found',
    status: 404,
    title: 'The claim has no evidence entry with that id',
    codes: ['evidence-not-found'],
  },
  fileNotFound: {
    slug: 'file-not-found',
    status: 404,
    title: 'The evidence entry has no file',
    codes: ['file-not-found'],
  },
  fileExists: {
    slug: 'file-exists',
    status: 409,
    title: 'The evidence entry already has its file; files are not replaced',
    codes: ['file-exists'],
  },
  fileTooLarge: {
    slug: 'file-too-large',
    status: 413,
    title: 'The file is larger than 10 MB',
    codes: ['file-too-large'],
  },
  fileTypeUnsupported: {
    slug: 'file-type-unsupported',
    status: 415,
    title: 'The file must be a PDF, JPEG, PNG, WebP or HEIC/HEIF',
    codes: ['file-type-unsupported'],
  },
  fileTypeMismatch: {
    slug: 'file-type-mismatch',
    status: 422,
    title: 'The file’s bytes are not of the type it was sent as',
    codes: ['file-type-mismatch'],
  },
  fileStorageOff: {
    slug: 'file-storage-unavailable',
    status: 503,
    title: 'Evidence file storage is unavailable',
    codes: ['file-storage-off'],
  },
  // Carrier accounts and the sandbox (src/services/carrier-accounts.ts, src/routes/sandbox).
  carrierCredentialsRefused: {
    slug: 'carrier-credentials-refused',
    status: 422,
    title: 'The carrier refused the API credentials',
    codes: ['carrier-credentials-refused'],
  },
  carrierSecretUnset: {
    slug: 'carrier-secret-unset',
    status: 503,
    title: 'Carrier credentials cannot be kept: the operator must set CARRIER_SECRET',
    codes: ['carrier-secret-unset'],
  },
  carrierUnavailable: {
    slug: 'carrier-unavailable',
    status: 503,
    title: 'The carrier’s API did not answer; nothing was stored, retry after Retry-After',
    codes: ['carrier-unavailable'],
  },
  testKeyRequired: {
    slug: 'test-key-required',
    status: 403,
    title: 'Only a test key (pct_test_…) may do this',
  },
  // Webhooks (src/services/webhook-errors.ts).
  webhookEndpointLimit: {
    slug: 'webhook-endpoint-limit',
    status: 422,
    title: 'The shop has as many webhook endpoints as it may',
    codes: ['webhook-endpoint-limit'],
    members: { maximum: z.number().int().openapi({ example: 10 }) },
  },
  webhookEndpointDisabled: {
    slug: 'webhook-endpoint-disabled',
    status: 409,
    title: 'The webhook endpoint is disabled',
    codes: ['webhook-endpoint-disabled'],
  },
  // Audits of carrier reports (src/services/audit-errors.ts).
  auditRequestInvalid: {
    slug: 'audit-request-invalid',
    status: 400,
    title: 'The audit cannot be made from this request (an empty file, unknown columns or lines)',
    codes: ['audit-request-invalid'],
  },
  auditFileTooLarge: {
    slug: 'audit-file-too-large',
    status: 413,
    title: 'The report is larger than an audit takes',
    codes: ['audit-file-too-large'],
  },
  auditFileUnsupported: {
    slug: 'audit-file-unsupported',
    status: 415,
    title: 'The report must be CSV (save a spreadsheet as CSV)',
    codes: ['audit-file-unsupported'],
  },
  auditStorageOff: {
    slug: 'audit-storage-unavailable',
    status: 503,
    title: 'Audit file storage is unavailable',
    codes: ['audit-storage-off'],
  },
  auditNotCompleted: {
    slug: 'audit-not-completed',
    status: 409,
    title: 'The audit is still being read (or failed): claims are filed from a completed audit',
    codes: ['audit-not-completed'],
  },
  shopProfileRequired: {
    slug: 'shop-profile-required',
    status: 409,
    title: 'The shop has no profile to sign its claims with (PUT /v1/shop first)',
    codes: ['shop-profile-required'],
  },
} as const satisfies Record<string, ProblemEntry>;

export type ProblemKind = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemKind]['status'];

/** The `type` URI of a problem: a path on this API that documents it. */
export const problemTypeUri = (kind: ProblemKind): string => `/problems/${PROBLEMS[kind].slug}`;

type Entries = (typeof PROBLEMS)[ProblemKind];
/** The codes the table answers; the check below makes a code missing from it a type error. */
type Answered = Entries extends infer E
  ? E extends { codes: readonly (infer C)[] }
    ? C
    : never
  : never;
const everyCodeAnswered: [Exclude<ErrorCode, Answered>] extends [never] ? true : never = true;
void everyCodeAnswered;

/**
 * The problem each error code is answered with (and so its status and `type`), from the
 * table's `codes`.
 *
 * @example PROBLEM_OF_CODE.get('stale-version') // 'preconditionFailed' (412)
 */
export const PROBLEM_OF_CODE: ReadonlyMap<string, ProblemKind> = new Map(
  (Object.keys(PROBLEMS) as ProblemKind[]).flatMap((kind) => {
    const entry: ProblemEntry = PROBLEMS[kind];
    return (entry.codes ?? []).map((code) => [code, kind] as const);
  }),
);

/**
 * The members a kind's answer carries (their schemas, in the order they are sent).
 *
 * @example problemMembers('preconditionFailed') // { currentVersion: ZodNumber }
 */
export const problemMembers = (kind: ProblemKind): z.ZodRawShape => {
  const entry: ProblemEntry = PROBLEMS[kind];
  return entry.members ?? {};
};
