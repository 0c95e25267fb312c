/**
 * A lost race is answered in the words of what changed (issue 19, item 4): a claim keeps its
 * moves' 409 `conflict` (title, detail, `currentVersion`), an order and a shop's profile have
 * their own problem type, and neither mentions a claim.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { HonoEnv } from '../../src/hono-env';
import { errorHandler } from '../../src/http/error-handler';
import { ConflictError } from '../../src/storage/errors';

/** The answer of a request whose handler threw `error`. */
async function answerTo(error: Error) {
  const app = new Hono<HonoEnv>();
  app.get('/', () => {
    throw error;
  });
  app.onError(errorHandler());
  const response = await app.request('/');
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('a 409 for a lost race', () => {
  it('keeps the claim moves’ wording, code and currentVersion', async () => {
    const a = await answerTo(
      new ConflictError('claim clm_1 is at version 4, not 3', { currentVersion: 4 }),
    );
    expect(a.status).toBe(409);
    expect(a.type).toBe('application/problem+json');
    expect(a.body).toMatchObject({
      type: '/problems/conflict',
      title: 'The claim changed meanwhile',
      detail: 'The claim changed meanwhile; read it again and retry.',
      currentVersion: 4,
    });
  });

  it.each([
    ['order', '/problems/order-changed', 'The order changed meanwhile'],
    ['shop', '/problems/shop-changed', 'The shop’s profile changed meanwhile'],
  ] as const)('words an %s’s in its own terms, never a claim’s', async (entity, type, title) => {
    const a = await answerTo(new ConflictError(`${entity} changed`, { entity }));
    expect(a.status).toBe(409);
    expect(a.body).toMatchObject({ type, title });
    expect(`${String(a.body.title)} ${String(a.body.detail)}`).not.toMatch(/claim/i);
    expect(a.body).not.toHaveProperty('currentVersion');
  });
});
