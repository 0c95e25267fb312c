import type { Context, ErrorHandler } from 'hono';
import { ProblemError } from '../../http/problem';
import { StorageUnavailableError } from '../../storage/repository';
import type { DeskEnv } from './desk-env';
import { renderError } from './render';

/**
 * The desk's error handler: failures become pages, not problem+json. Unknown
 * errors are logged like the API logs them (name and message, never the
 * request, which may hold claimant data) and shown with the request id.
 *
 * @example deskRouter.onError(deskErrorHandler);
 */
export const deskErrorHandler: ErrorHandler<DeskEnv> = (err, c: Context<DeskEnv>) => {
  if (err instanceof ProblemError && err.kind === 'notFound') return renderError(c, 'notFound');
  if (err instanceof StorageUnavailableError) {
    c.header('retry-after', String(err.retryAfterSeconds));
    return renderError(c, 'unavailable');
  }
  console.error(
    JSON.stringify({ requestId: c.get('requestId'), error: err.name, message: err.message }),
  );
  return renderError(c, 'internal');
};
