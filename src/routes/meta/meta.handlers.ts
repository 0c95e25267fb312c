import type { RouteHandler } from '@hono/zod-openapi';
import { calendarCoverage, coverageWarnings } from '../../domain/calendar';
import type { HonoEnv } from '../../hono-env';
import { ProblemError } from '../../http/problem';
import { PROBLEMS, problemTypeUri, type ProblemKind } from '../../http/problem-types';
import { StorageUnavailableError } from '../../storage/repository';
import {
  READY_TIMEOUT_MS,
  type healthRoute,
  type problemTypeRoute,
  type readyRoute,
} from './meta.routes';

export const SERVICE_VERSION = '0.1.0';

/** Per country, the last covered year; the table is static, so this is computed once. */
const calendarsLastYear = calendarCoverage().map(({ country, lastYear }) => ({
  country,
  lastYear,
}));

export const healthHandler: RouteHandler<typeof healthRoute, HonoEnv> = (c) => {
  const today = c.get('deps').clock().toISOString().slice(0, 10);
  return c.json(
    {
      status: 'ok' as const,
      service: 'parcel-claims-api',
      version: SERVICE_VERSION,
      calendars: calendarsLastYear,
      warnings: coverageWarnings(today, calendarsLastYear),
    },
    200,
  );
};

/** No API key has this id (ids are `key_` + hex): reading it is the cheapest DynamoDB call. */
const READY_PROBE_KEY_ID = 'ready-probe';
/** Retry-After when the probe timed out or failed in a way storage did not classify. */
const READY_RETRY_SECONDS = 5;

/**
 * Why DynamoDB is not ready, or undefined when it answered within `ms`.
 *
 * @example
 * await storageProblem(storage.apiKeys.get('x'), 2000); // undefined, or { reason, retryAfterSeconds }
 */
async function storageProblem(
  probe: Promise<unknown>,
  ms: number,
): Promise<{ reason: string; retryAfterSeconds: number } | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), ms)));
  try {
    const outcome = await Promise.race([probe.then(() => 'ok' as const), timeout]);
    if (outcome === 'ok') return undefined;
    return { reason: `no answer within ${ms} ms`, retryAfterSeconds: READY_RETRY_SECONDS };
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      return { reason: error.reason, retryAfterSeconds: error.retryAfterSeconds };
    }
    return { reason: 'unexpected error', retryAfterSeconds: READY_RETRY_SECONDS };
  } finally {
    clearTimeout(timer);
  }
}

export const readyHandler: RouteHandler<typeof readyRoute, HonoEnv> = async (c) => {
  const probe = c.get('deps').storage.apiKeys.get(READY_PROBE_KEY_ID);
  const down = await storageProblem(probe, READY_TIMEOUT_MS);
  if (down) {
    throw new ProblemError('storageUnavailable', `DynamoDB is not ready (${down.reason}).`, {
      headers: { 'retry-after': String(down.retryAfterSeconds), 'cache-control': 'no-store' },
    });
  }
  c.header('cache-control', 'no-store');
  return c.json({ status: 'ready' as const, storage: 'ok' as const }, 200);
};

export const problemTypeHandler: RouteHandler<typeof problemTypeRoute, HonoEnv> = (c) => {
  const { slug } = c.req.valid('param');
  const kind = (Object.keys(PROBLEMS) as ProblemKind[]).find((k) => PROBLEMS[k].slug === slug);
  if (!kind) throw new ProblemError('notFound', `No problem type '${slug}'.`);
  const { title, status } = PROBLEMS[kind];
  return c.json({ type: problemTypeUri(kind), title, status }, 200);
};
