/**
 * PUT/GET/DELETE /v1/carrier-accounts/cdek through the Worker, on DynamoDB Local, with CDEK's
 * OAuth played by a stand-in fetch (test/support/cdek-fetch.ts): credentials are checked before
 * they are kept, and the secret is in no answer.
 */
import { describe, expect, it } from 'vitest';
import { CDEK_TEST_CREDENTIALS as good } from '../support/cdek-fetch';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';

const path = '/v1/carrier-accounts/cdek';

describe('the shop’s CDEK credentials', () => {
  it('are checked, kept (201, then 200), shown masked, and forgotten; the secret in no answer', async () => {
    const shop = await seedShop();
    expect((await call('GET', path, undefined, shop.auth)).status).toBe(404);
    const created = await call('PUT', path, good, shop.auth);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toEqual({
      carrier: 'cdek',
      clientId: 'EMsc…eI',
      updatedAt: '2025-06-16T09:00:00.000Z',
    });
    const replaced = await call('PUT', path, good, shop.auth);
    expect(replaced.status).toBe(200);
    const read = await call('GET', path, undefined, shop.auth);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ carrier: 'cdek', clientId: 'EMsc…eI' });
    for (const answer of [created, replaced, read]) {
      expect(answer.text).not.toContain(good.clientSecret);
      expect(answer.text).not.toContain(good.clientId);
    }
    expect((await call('DELETE', path, undefined, shop.auth)).status).toBe(204);
    expect((await call('GET', path, undefined, shop.auth)).status).toBe(404);
    expect((await call('DELETE', path, undefined, shop.auth)).status).toBe(404);
  });

  it('refused by CDEK: a 422 at /clientSecret, nothing kept', async () => {
    const shop = await seedShop();
    const a = await call('PUT', path, { ...good, clientSecret: 'wrong-secret' }, shop.auth);
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/carrier-credentials-refused');
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toEqual(['/clientSecret']);
    expect(a.text).not.toContain('wrong-secret');
    expect((await call('GET', path, undefined, shop.auth)).status).toBe(404);
  });

  it('CDEK not answering: a 503 with Retry-After, nothing kept', async () => {
    const shop = await seedShop();
    const a = await call('PUT', path, { ...good, clientId: 'unreachable' }, shop.auth);
    expect(a.status, a.text).toBe(503);
    expect(a.body.type).toBe('/problems/carrier-unavailable');
    expect(a.headers.get('retry-after')).toBe('60');
    expect((await call('GET', path, undefined, shop.auth)).status).toBe(404);
  });

  it('names the field of a malformed body, and is for shop keys only', async () => {
    const shop = await seedShop();
    const a = await call('PUT', path, { clientId: 'has space' }, shop.auth);
    expect(a.status).toBe(422);
    expect(
      fieldErrorsOf(a)
        .map((e) => e.pointer)
        .sort(),
    ).toEqual(['/clientId', '/clientSecret']);
    const clerk = await seedKey('clerk');
    expect((await call('GET', path, undefined, clerk.auth)).status).toBe(403);
    expect((await call('GET', path)).status).toBe(401);
  });

  it('keeps each shop’s own, and takes PUTs sent at once (one 201)', async () => {
    const [a, b] = [await seedShop(), await seedShop()];
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => call('PUT', path, good, a.auth)),
    );
    expect(answers.map((x) => x.status).sort()).toEqual([200, 200, 200, 201]);
    expect((await call('GET', path, undefined, b.auth)).status).toBe(404);
  });
});
