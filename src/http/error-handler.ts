import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  ClaimExistsError,
  ClaimStateError,
  FilterNotAllowedError,
  StaleVersionError,
} from '../domain/claim/errors';
import { DomainError } from '../domain/errors';
import { RemedySettledError } from '../domain/remedy';
import type { HonoEnv } from '../hono-env';
import { isCodedError, type CodedError } from '../services/errors';
import {
  ConflictError,
  type ConflictEntity,
  IdempotencyConflictError,
  InvalidCursorError,
  StorageOutcomeUnknownError,
  StorageUnavailableError,
  StorageBusyError,
} from '../storage/errors';
import { domainIssue } from './field-issues';
import { placed, ProblemError, problemResponse } from './problem';
import { PROBLEM_OF_CODE, PROBLEM_OF_CONFLICT, type ProblemKind } from './problem-types';

/** What a lost race says, by what changed (a claim's words are its moves' 409, unchanged). */
const CONFLICT_DETAIL: Record<ConflictEntity, string> = {
  claim: 'The claim changed meanwhile; read it again and retry.',
  order:
    'The order or one of its shipments kept changing while this replace was written (another replace of the order, or carrier events on its shipments, landed first each time); the order is as those writes left it. Read it and send the replace again.',
  shop: 'The shop’s profile kept changing while this replace was written (other replaces landed first each time). Read it and send yours again.',
};

/**
 * The problem kind a coded error is answered with: its code's (PROBLEM_OF_CODE), and for a
 * lost race, what changed (PROBLEM_OF_CONFLICT).
 *
 * @example problemKindOf(new ConflictError('…', { entity: 'order' })) // 'orderChanged'
 */
export const problemKindOf = (err: CodedError): ProblemKind =>
  err instanceof ConflictError ? PROBLEM_OF_CONFLICT[err.entity] : PROBLEM_OF_CODE[err.code];

/**
 * What a problem says about a coded error beyond its type: the detail, and
 * the extension members or headers a client acts on.
 *
 * @example problemParts(new StaleVersionError(3, 4)) // { detail: 'If-Match "3" is stale; …', extra: { currentVersion: 4 } }
 */
export function problemParts(err: CodedError): { detail: string; extra: ProblemError['extra'] } {
  if (err instanceof ClaimStateError) {
    const extra = { currentStatus: err.currentStatus, attempted: err.attempted };
    return { detail: err.message, extra };
  }
  if (err instanceof StaleVersionError) {
    return { detail: err.message, extra: { currentVersion: err.currentVersion } };
  }
  if (err instanceof ClaimExistsError) {
    return { detail: err.message, extra: { existingClaimId: err.existingClaimId } };
  }
  if (err instanceof FilterNotAllowedError) {
    const errors = [{ parameter: err.parameter, code: 'not_allowed' as const, detail: err.detail }];
    return { detail: err.message, extra: { errors } };
  }
  if (err instanceof RemedySettledError) {
    return { detail: err.message, extra: { currentStatus: err.currentStatus } };
  }
  if (err instanceof DomainError) {
    const errors = err.pointer ? [placed({ pointer: err.pointer }, domainIssue(err))] : undefined;
    return { detail: err.message, extra: errors ? { errors } : {} };
  }
  if (err instanceof StorageUnavailableError) {
    const headers = { 'retry-after': String(err.retryAfterSeconds) };
    return { detail: `Claim storage did not answer (${err.reason}).`, extra: { headers } };
  }
  if (err instanceof StorageBusyError) {
    const headers = { 'retry-after': String(err.retryAfterSeconds) };
    const detail =
      err.reason === 'contention'
        ? 'Claim storage kept cancelling the write because other writes held the same records at the same moment; nothing was written. Retry after Retry-After.'
        : 'Claim storage is throttling requests; nothing was written. Retry after Retry-After.';
    return { detail, extra: { headers } };
  }
  if (err instanceof StorageOutcomeUnknownError) {
    const headers = { 'retry-after': String(err.retryAfterSeconds) };
    const detail = `Claim storage did not answer after the write was sent (${err.reason}): it may have been stored. Retry a filing with the same Idempotency-Key (you get the stored claim if it was); read a claim again before repeating a move.`;
    return { detail, extra: { headers } };
  }
  if (err instanceof ConflictError) {
    const version = err.currentVersion;
    return {
      detail: CONFLICT_DETAIL[err.entity],
      extra: version === undefined ? {} : { currentVersion: version },
    };
  }
  if (err instanceof IdempotencyConflictError) {
    const errors = [
      { header: 'Idempotency-Key', code: 'idempotency_key_reused' as const, detail: err.detail },
    ];
    return { detail: err.message, extra: { errors } };
  }
  if (err instanceof InvalidCursorError) {
    const errors = [{ parameter: 'cursor', code: 'invalid_value' as const, detail: err.message }];
    return { detail: 'The cursor is not valid for this listing.', extra: { errors } };
  }
  return { detail: err.message, extra: {} };
}

/** Hono's own exceptions: the JSON validator's 400 on a malformed body, and the like. */
const HTTP_EXCEPTIONS = {
  400: 'malformedJson',
  413: 'bodyTooLarge',
  415: 'unsupportedMediaType',
} as const;

/**
 * The one error handler: every failure becomes problem+json. A `ProblemError`
 * (the HTTP layer's own: auth, roles) says its kind; a domain or storage error
 * is answered by its code through `PROBLEM_OF_CODE`. Unknown errors are
 * logged (name and message, never the request) and answered with a bare 500
 * that leaks nothing.
 *
 * @example
 * app.onError(errorHandler());
 */
export function errorHandler(): ErrorHandler<HonoEnv> {
  return function handleError(err, c) {
    if (err instanceof ProblemError) return problemResponse(c, err.kind, err.detail, err.extra);
    if (isCodedError(err)) {
      const { detail, extra } = problemParts(err);
      return problemResponse(c, problemKindOf(err), detail, extra);
    }
    if (err instanceof HTTPException && Object.hasOwn(HTTP_EXCEPTIONS, err.status)) {
      const kind = HTTP_EXCEPTIONS[err.status as keyof typeof HTTP_EXCEPTIONS];
      return problemResponse(c, kind, err.message);
    }
    console.error(
      JSON.stringify({ requestId: c.get('requestId'), error: err.name, message: err.message }),
    );
    return problemResponse(c, 'internal', 'Quote the instance id to support.');
  };
}

/** Unknown routes answer with a 404 problem. */
export const notFoundHandler: NotFoundHandler<HonoEnv> = (c) =>
  problemResponse(c, 'notFound', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`);
