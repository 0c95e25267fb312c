/**
 * Issue 10: repeated `POST /v1/claims/{id}/evidence` (20 entries a call, long names
 * and URLs) grew the claim item past DynamoDB's 400 KB: call 9 onward answered 500.
 * Evidence entries are items of their own now: every call up to the limit of 200
 * entries is a 200, the next a 422 `evidence-limit`, and the claim reads back whole.
 */
import { describe, expect, it } from 'vitest';
import { fileOk, lostFiling, move, seedShop } from './claims-helpers';
import { call } from './helpers';

const batch = (call: number) => ({
  evidence: Array.from({ length: 20 }, (_, i) => ({
    kind: 'photo',
    name: `фото-${call}-${i}-`.padEnd(200, 'я'),
    url: `https://files.example/claims/${call}/${i}/`.padEnd(2000, 'x'),
  })),
});

describe('adding evidence again and again', () => {
  it('never answers 500: 200 up to 200 entries, then 422 evidence-limit', async () => {
    const shop = await seedShop();
    const filed = await fileOk(shop.auth, lostFiling({ evidence: [] }));
    const statuses: number[] = [];
    for (let n = 1; n <= 11; n++) {
      const answer = await move(filed.id, 'evidence', shop.auth, batch(n));
      statuses.push(answer.status);
      if (n === 11) {
        expect(answer.body).toMatchObject({
          type: '/problems/evidence-limit',
          status: 422,
          errors: [
            {
              pointer: '/evidence',
              code: 'evidence_limit',
              params: { maximum: 200, current: 200, adding: 20 },
            },
          ],
        });
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 422]);
    const read = await call('GET', `/v1/claims/${filed.id}`, undefined, shop.auth);
    expect(read.status).toBe(200);
    const evidence = read.body.evidence as { id: string; name: string }[];
    expect(evidence).toHaveLength(200);
    expect(evidence[199]).toMatchObject({ id: 'ev_200', name: batch(10).evidence[19]!.name });
    const listed = await call('GET', '/v1/claims', undefined, shop.auth);
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: filed.id, evidenceCount: 200 }),
    ]);
    expect((listed.body.items as Record<string, unknown>[])[0]).not.toHaveProperty('evidence');
  }, 120_000);
});
