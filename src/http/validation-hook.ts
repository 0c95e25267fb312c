import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { HonoEnv } from '../hono-env';
import { issuesOf } from './field-issues';
import { placed, problemResponse, type FieldError } from './problem';

type Target = 'json' | 'form' | 'query' | 'param' | 'header' | 'cookie';

/** JSON Pointer (RFC 6901) for a zod issue path. */
export const toPointer = (path: readonly PropertyKey[]): string =>
  path.map((p) => '/' + String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('');

/**
 * Turns zod issues into problem `errors`: body fields by JSON Pointer, query
 * and path parameters and headers by name.
 *
 * @example
 * fieldErrors('json', zodError) // [{ pointer: '/packages/0/lengthCm', code: 'invalid_value', detail: '...' }]
 */
export function fieldErrors(target: Target, error: ZodError): FieldError[] {
  return error.issues.flatMap(issuesOf).map((issue) => {
    if (target === 'json' || target === 'form') {
      return placed({ pointer: toPointer(issue.path) }, issue);
    }
    const name = String(issue.path[0] ?? '');
    return placed(target === 'header' ? { header: name } : { parameter: name }, issue);
  });
}

/**
 * What `validateRequest` answers when a part of the request breaks its
 * schema: a 422 problem naming each field and its reason.
 */
export function validationHook(
  result: { target: Target } & ({ success: true } | { success: false; error: ZodError }),
  c: Context<HonoEnv>,
): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrors(result.target, result.error);
  const first = errors[0];
  const where = first ? (first.pointer ?? first.parameter ?? first.header ?? '') : '';
  const detail =
    errors.length === 1 && first
      ? `${where || 'The body'}: ${first.detail}`
      : `${errors.length} fields are not valid; see errors.`;
  return problemResponse(c, 'validation', detail, { errors });
}
