/**
 * The carrier-account failures as problems: no CARRIER_SECRET a 503 `carrier-secret-unset`
 * (the operator's to fix), CDEK not answering a 503 `carrier-unavailable` with Retry-After,
 * CDEK refusing the credentials a 422 at /clientSecret.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import type { HonoEnv } from '../../src/hono-env';
import { errorHandler } from '../../src/http/error-handler';
import {
  CarrierSecretUnsetError,
  CarrierUnavailableError,
} from '../../src/services/carrier-errors';

async function answerTo(error: Error) {
  const app = new Hono<HonoEnv>();
  app.get('/', () => {
    throw error;
  });
  app.onError(errorHandler());
  const response = await app.request('/');
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('carrier-account problems', () => {
  it('no CARRIER_SECRET: a 503 carrier-secret-unset that names the secret', async () => {
    const { response, body } = await answerTo(new CarrierSecretUnsetError());
    expect(response.status).toBe(503);
    expect(body).toMatchObject({ type: '/problems/carrier-secret-unset' });
    expect(String(body.detail)).toContain('CARRIER_SECRET');
  });

  it('CDEK not answering: a 503 carrier-unavailable with Retry-After', async () => {
    const { response, body } = await answerTo(new CarrierUnavailableError('cdek'));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(body).toMatchObject({ type: '/problems/carrier-unavailable' });
  });

  it('CDEK refusing: a 422 carrier-credentials-refused at /clientSecret', async () => {
    const refused = new DomainError('carrier-credentials-refused', 'CDEK refused', '/clientSecret');
    const { response, body } = await answerTo(refused);
    expect(response.status).toBe(422);
    expect(body).toMatchObject({
      type: '/problems/carrier-credentials-refused',
      errors: [{ pointer: '/clientSecret' }],
    });
  });
});
