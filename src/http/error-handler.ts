import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { CodedError, DomainError } from '../domain/errors';
import type { HonoEnv } from '../hono-env';
import { asFieldCode, domainIssue } from './field-issues';
import { placed, ProblemError, problemResponse, type FieldError } from './problem';
import { PROBLEM_OF_CODE, problemMembers, type ProblemKind } from './problem-types';

/**
 * The problem kind a coded error is answered with: its code's, from the one table; none for
 * a code the table does not list (answered as any unexpected failure, its message unsent).
 *
 * @example problemKindOf(new ConflictError('…', { entity: 'order' })) // 'orderChanged'
 */
export const problemKindOf = (err: CodedError): ProblemKind | undefined =>
  PROBLEM_OF_CODE.get(err.code);

/** The offending fields an error names: a body field by its pointer, else a blamed input. */
function fieldErrorsOf(err: CodedError): FieldError[] | undefined {
  if (err instanceof DomainError && err.pointer) {
    return [placed({ pointer: err.pointer }, domainIssue(err))];
  }
  if (!err.blamed) return undefined;
  const { code, detail, ...where } = err.blamed;
  return [{ ...where, code: asFieldCode(code), detail }];
}

/**
 * What a problem says about a coded error beyond its type: the detail, the members its
 * kind's table entry lists (read off the error by name, in that order), the offending
 * fields, and `Retry-After` when a retry may work. No list of classes: a new error needs
 * only its entry.
 *
 * @example problemParts(new StaleVersionError(3, 4), 'preconditionFailed') // { detail: 'If-Match "3" is stale; …', extra: { currentVersion: 4 } }
 */
export function problemParts(
  err: CodedError,
  kind: ProblemKind,
): { detail: string; extra: ProblemError['extra'] } {
  const extra: ProblemError['extra'] = {};
  for (const name of Object.keys(problemMembers(kind))) {
    const value: unknown = Reflect.get(err, name);
    if (value !== undefined) extra[name] = value;
  }
  const errors = fieldErrorsOf(err);
  if (errors) extra.errors = errors;
  if (err.retryAfterSeconds !== undefined) {
    extra.headers = { 'retry-after': String(err.retryAfterSeconds) };
  }
  return { detail: err.callerMessage, extra };
}

/** Hono's own exceptions: the JSON validator's 400 on a malformed body, and the like. */
const HTTP_EXCEPTIONS = {
  400: 'malformedJson',
  413: 'bodyTooLarge',
  415: 'unsupportedMediaType',
} as const;

/**
 * The one error handler: every failure becomes problem+json. A `ProblemError` (the HTTP
 * layer's own: auth, roles) says its kind; a domain, storage or evidence-file error (a
 * `CodedError`) is answered by its code through the one table (`PROBLEMS`). Unknown errors
 * are logged (name and message, never the request) and answered with a bare 500 that leaks
 * nothing.
 *
 * @example
 * app.onError(errorHandler());
 */
export function errorHandler(): ErrorHandler<HonoEnv> {
  return function handleError(err, c) {
    if (err instanceof ProblemError) return problemResponse(c, err.kind, err.detail, err.extra);
    const kind = err instanceof CodedError ? problemKindOf(err) : undefined;
    if (err instanceof CodedError && kind !== undefined) {
      const { detail, extra } = problemParts(err, kind);
      return problemResponse(c, kind, detail, extra);
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
