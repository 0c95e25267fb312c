/**
 * Claims carry personal data: every answer to a keyed call says `Cache-Control: no-store`,
 * errors included, as the desk's pages already do.
 */
import { describe, expect, it } from 'vitest';
import { fileOk, lostFiling, move, seedShop } from './claims-helpers';
import { call, type Answer } from './helpers';

const noStore = (a: Answer) => expect(a.headers.get('cache-control'), a.text).toBe('no-store');

describe('Cache-Control on the claims API', () => {
  it('is no-store on answers and on errors of every kind', async () => {
    const shop = await seedShop();
    const claim = await fileOk(shop.auth, lostFiling());
    const answers: [number, Answer][] = [
      [200, await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth)],
      [200, await call('GET', '/v1/claims', undefined, shop.auth)],
      [200, await call('GET', `/v1/claims/${claim.id}/history`, undefined, shop.auth)],
      [201, await call('POST', '/v1/claims', lostFiling(), shop.auth)],
      [401, await call('GET', '/v1/claims')],
      [401, await call('GET', '/v1/claims', undefined, { authorization: 'Bearer pca_nope' })],
      [403, await move(claim.id, 'review', shop.auth)],
      [
        404,
        await call('GET', '/v1/claims/clm_00000000000000000000000000000000', undefined, shop.auth),
      ],
      [422, await call('POST', '/v1/claims', { type: 'lost' }, shop.auth)],
      [422, await call('GET', '/v1/claims?status=nope', undefined, shop.auth)],
    ];
    for (const [status, answer] of answers) {
      expect(answer.status, answer.text).toBe(status);
      noStore(answer);
    }
  });

  it('is no-store on the personal-data answers: the export, the acts, their refusals', async () => {
    const shop = await seedShop();
    const phone = encodeURIComponent('+7 900 000-00-00');
    const erased = await call(
      'POST',
      '/v1/personal-data/erasures',
      { phone: '+7 900 000-00-00' },
      shop.auth,
    );
    const answers: [number, Answer][] = [
      [201, erased],
      [200, await call('GET', `/v1/personal-data?phone=${phone}`, undefined, shop.auth)],
      [200, await call('GET', '/v1/personal-data/erasures', undefined, shop.auth)],
      [
        200,
        await call(
          'GET',
          `/v1/personal-data/erasures/${String(erased.body.id)}`,
          undefined,
          shop.auth,
        ),
      ],
      [422, await call('GET', '/v1/personal-data', undefined, shop.auth)],
      [401, await call('GET', `/v1/personal-data?phone=${phone}`)],
    ];
    for (const [status, answer] of answers) {
      expect(answer.status, answer.text).toBe(status);
      noStore(answer);
    }
  });

  it('is left to the open calculators and reference data, which hold nothing personal', async () => {
    const policies = await call('GET', '/v1/policies');
    expect(policies.headers.get('cache-control')).not.toBe('no-store');
  });
});
