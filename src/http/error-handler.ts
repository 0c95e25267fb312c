import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import type { HonoEnv } from '../hono-env';
import { domainIssue } from './field-issues';
import { placed, ProblemError, problemResponse } from './problem';
import type { ProblemKind } from './problem-types';

const DOMAIN_PROBLEMS: Record<DomainErrorCode, ProblemKind> = {
  'invalid-input': 'invalidInput',
  'currency-mismatch': 'currencyMismatch',
  'calendar-year-unknown': 'calendarYearUnknown',
  'calendar-unknown': 'calendarUnknown',
  'policy-unknown': 'policyUnknown',
  'filing-deadline-passed': 'filingDeadlinePassed',
  'not-late': 'notLate',
};

/** Maps an error the app knows to a problem; `undefined` for the unknown. */
export type ErrorMapper = (err: Error, c: Context<HonoEnv>) => Response | undefined;

const mapProblem: ErrorMapper = (err, c) =>
  err instanceof ProblemError ? problemResponse(c, err.kind, err.detail, err.extra) : undefined;

const mapDomain: ErrorMapper = (err, c) => {
  if (!(err instanceof DomainError)) return undefined;
  const errors = err.pointer ? [placed({ pointer: err.pointer }, domainIssue(err))] : undefined;
  return problemResponse(c, DOMAIN_PROBLEMS[err.code], err.message, errors ? { errors } : {});
};

/** Hono's own exceptions: the JSON validator's 400 on a malformed body, and the like. */
const mapHttpException: ErrorMapper = (err, c) => {
  if (!(err instanceof HTTPException)) return undefined;
  if (err.status === 400) return problemResponse(c, 'malformedJson', err.message);
  if (err.status === 413) return problemResponse(c, 'bodyTooLarge', err.message);
  if (err.status === 415) return problemResponse(c, 'unsupportedMediaType', err.message);
  return undefined;
};

/**
 * The one error handler: every failure becomes problem+json. Unknown errors
 * are logged (message and stack, never the request) and answered with a bare
 * 500 that leaks nothing.
 *
 * @example
 * app.onError(errorHandler([mapStorageErrors]));
 */
export function errorHandler(extraMappers: ErrorMapper[] = []): ErrorHandler<HonoEnv> {
  const mappers = [mapProblem, mapDomain, mapHttpException, ...extraMappers];
  return function handleError(err, c) {
    for (const map of mappers) {
      const response = map(err, c);
      if (response) return response;
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
