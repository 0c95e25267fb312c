import type { Context } from 'hono';
import type { HonoEnv } from '../hono-env';
import type { FieldCode, FieldIssue, FieldParams } from './field-issues';
import { PROBLEMS, problemTypeUri, type ProblemKind } from './problem-types';

/**
 * One offending field: a JSON Pointer into the body, or a query/path/header
 * parameter name; a stable `code` (field-issues.ts lists them), the `params`
 * its message needs, if any, and the message in English.
 */
export interface FieldError {
  pointer?: string;
  parameter?: string;
  header?: string;
  code?: FieldCode;
  params?: FieldParams;
  detail: string;
}

/**
 * A field issue placed where it was found, as a problem's `errors[]` entry.
 *
 * @example placed({ pointer: '/waybill' }, { code: 'required', params: {}, message: 'is required' })
 * // { pointer: '/waybill', code: 'required', detail: 'is required' }
 */
export function placed(
  where: Pick<FieldError, 'pointer' | 'parameter' | 'header'>,
  issue: FieldIssue,
): FieldError {
  const params = Object.keys(issue.params).length > 0 ? { params: issue.params } : {};
  return { ...where, code: issue.code, ...params, detail: issue.message };
}

/** RFC 9457 problem details, as this API sends them. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

/**
 * Raised anywhere in the HTTP layer to answer with a problem; the error
 * handler turns it into the response.
 *
 * @example
 * throw new ProblemError('notFound', 'No claim clm_123.');
 */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string> } & Record<
      string,
      unknown
    > = {},
  ) {
    super(detail);
  }
}

/** `instance` is the request id, so a client can quote it to support. */
export const instanceFor = (requestId: string): string => `urn:uuid:${requestId}`;

/**
 * Builds the problem+json response for `kind`.
 *
 * @example
 * return problemResponse(c, 'notFound', 'No route GET /nope.');
 */
export function problemResponse(
  c: Context<HonoEnv>,
  kind: ProblemKind,
  detail: string,
  extra: ProblemError['extra'] = {},
): Response {
  const { headers = {}, ...extensions } = extra;
  const def = PROBLEMS[kind];
  const requestId: string = c.get('requestId') ?? crypto.randomUUID();
  const body: ProblemBody = {
    type: problemTypeUri(kind),
    title: def.title,
    status: def.status,
    detail,
    instance: instanceFor(requestId),
    ...extensions,
  };
  // Through the context, so headers set earlier (request id, nosniff) come along.
  return c.newResponse(JSON.stringify(body), def.status, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}
