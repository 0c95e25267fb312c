/**
 * What a shop sees of the clerks (issue 19, item 8): never a clerk key's id (the first half
 * of its API key) nor the desk's own name for a clerk; a stable, meaningless reference
 * (`clerk_` + 16 hex) in its place, the same one for the same clerk everywhere, in every
 * answer a shop key gets about its claim. A clerk key still sees the key ids.
 */
import { SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { TODAY } from '../support/answer';
import { fileOk, lostFiling, move, seedKey, seedShop } from './claims-helpers';
import { call, rub, type Answer } from './helpers';

type Key = Awaited<ReturnType<typeof seedKey>>;
let shop: Awaited<ReturnType<typeof seedShop>>;
let named: Key;
let unnamed: Key;
let claimId: string;
const REFERENCE = /^clerk_[0-9a-f]{16}$/;

const ok = (a: Answer, status = 200) => {
  expect(a.status, a.text).toBe(status);
  return a;
};

beforeAll(async () => {
  shop = await seedShop();
  named = await seedKey('clerk', undefined, 'Ольга Смирнова');
  // No display name: the desk names it by its key id, which a shop must not see either.
  unnamed = await seedKey('clerk');
  ok(await call('PUT', '/v1/shop', shopInputExample, shop.auth), 201);
  const claim = await fileOk(shop.auth, lostFiling({ claimant: { ...lostFiling().claimant } }));
  claimId = claim.id;
  const clerk = named.auth;
  ok(await call('POST', `/v1/claims/${claimId}/assignee`, {}, clerk));
  ok(await move(claimId, 'review', clerk, { note: 'Taken' }));
  ok(
    await call(
      'POST',
      `/v1/claims/${claimId}/remedies`,
      { kind: 'gift', value: rub('500.00') },
      clerk,
    ),
    201,
  );
  ok(await call('POST', `/v1/claims/${claimId}/remedies/rm_1/accept`, undefined, clerk));
  ok(await call('POST', `/v1/claims/${claimId}/remedies`, { kind: 'free_delivery' }, clerk), 201);
  ok(await call('PUT', `/v1/claims/${claimId}/cause`, { cause: 'warehouse' }, clerk));
  const pdf = new TextEncoder().encode('%PDF-1.7\n'.padEnd(2048, '.'));
  const upload = await SELF.fetch(`http://api.test/v1/claims/${claimId}/evidence/ev_1/file`, {
    method: 'PUT',
    headers: { ...clerk, 'content-type': 'application/pdf' },
    body: pdf,
  });
  expect(upload.status, await upload.clone().text()).toBe(201);
  const decision = {
    decision: 'partially_approved',
    reason: 'Two items',
    approvedAmount: rub('1500.00'),
  };
  ok(await move(claimId, 'decision', clerk, decision));
  ok(
    await move(claimId, 'payment', clerk, {
      amount: rub('1500.00'),
      paidOn: TODAY,
      reference: 'PP-1',
    }),
  );
  // The unnamed clerk takes the claim over: the assignee a shop reads last.
  ok(await call('POST', `/v1/claims/${claimId}/assignee`, {}, unnamed.auth));
});

/** Every answer a shop key gets about the claim: reads, listings, searches, and answers to its moves. */
async function shopAnswers(): Promise<Answer[]> {
  const get = (path: string) => call('GET', path, undefined, shop.auth);
  return [
    ok(await get(`/v1/claims/${claimId}`)),
    ok(await get(`/v1/claims/${claimId}/history`)),
    ok(await get('/v1/claims?limit=100')),
    ok(await get(`/v1/claims?q=${claimId}`)),
    ok(await get(`/v1/claims?q=${claimId}&in=id`)),
    ok(await get('/v1/claims?q=anna&in=name&limit=100')),
    ok(await get(`/v1/claims/${claimId}/remedies`)),
    ok(await get(`/v1/claims/${claimId}/files`)),
    ok(await get(`/v1/claims/${claimId}/messages`)),
    // The shop answers the clerk's offer: the answer carries who offered it.
    ok(await call('POST', `/v1/claims/${claimId}/remedies/rm_2/decline`, undefined, shop.auth)),
    ok(
      await call('POST', `/v1/claims/${claimId}/remedies`, { kind: 'replacement' }, shop.auth),
      201,
    ),
  ];
}

describe('what a shop sees of the clerks', () => {
  it('never a clerk key’s id, nor the desk’s name for a clerk', async () => {
    for (const a of await shopAnswers()) {
      expect(a.text).not.toContain(named.keyId);
      expect(a.text).not.toContain(unnamed.keyId);
      expect(a.text).not.toContain('Ольга');
      expect(a.text).not.toContain('clerk:');
    }
  });

  it('a stable, meaningless reference per clerk, the same in every field', async () => {
    const claim = ok(await call('GET', `/v1/claims/${claimId}`, undefined, shop.auth)).body as {
      assignee: { id: string; name: string };
      decision: { decidedBy: string };
      payment: { recordedBy: string };
      customer: { remedies: { offeredBy: string; answeredBy?: string }[] };
    };
    const history = ok(await call('GET', `/v1/claims/${claimId}/history`, undefined, shop.auth))
      .body.items as { type: string; actor: { role: string; id: string } }[];
    const byClerk = history.filter((e) => e.actor.role === 'clerk').map((e) => e.actor.id);
    const [first, ...rest] = byClerk;
    const taker = byClerk.at(-1);
    expect(first).toMatch(REFERENCE);
    expect(taker).toMatch(REFERENCE);
    expect(taker).not.toBe(first);
    // Everything but the last take-over is the named clerk's.
    expect(new Set(rest.slice(0, -1))).toEqual(new Set([first]));
    expect(claim.assignee).toEqual({ id: taker, name: 'a clerk' });
    expect(claim.decision.decidedBy).toBe(first);
    expect(claim.payment.recordedBy).toBe(first);
    expect(claim.customer.remedies[0]).toMatchObject({ offeredBy: first, answeredBy: first });
    const files = ok(await call('GET', `/v1/claims/${claimId}/files`, undefined, shop.auth)).body
      .items as { uploadedBy: string }[];
    expect(files[0]?.uploadedBy).toBe(first);
    // Stable: read again, the same references.
    const again = ok(await call('GET', `/v1/claims/${claimId}`, undefined, shop.auth)).body;
    expect(again.assignee).toEqual(claim.assignee);
  });

  it('keeps showing a clerk key the key ids the desk works with', async () => {
    const claim = ok(await call('GET', `/v1/claims/${claimId}`, undefined, named.auth)).body;
    expect(claim.assignee).toEqual({ id: unnamed.keyId, name: unnamed.keyId });
    expect(claim.decision).toMatchObject({ decidedBy: `clerk:${named.keyId}` });
    const history = ok(await call('GET', `/v1/claims/${claimId}/history`, undefined, named.auth));
    expect(history.text).toContain(`clerk:${named.keyId}`);
    const mine = ok(await call('GET', '/v1/claims?assignee=me', undefined, unnamed.auth));
    expect((mine.body.items as { id: string }[]).map((c) => c.id)).toContain(claimId);
  });

  it('refuses a shop key the assignee filter, which takes a clerk key id', async () => {
    for (const query of [`assignee=${named.keyId}`, 'assignee=me', `q=${claimId}&assignee=me`]) {
      const a = await call('GET', `/v1/claims?${query}`, undefined, shop.auth);
      expect(a.status, `${query}: ${a.text}`).toBe(422);
      expect(a.body.errors).toEqual([
        expect.objectContaining({ parameter: 'assignee', code: 'not_allowed' }),
      ]);
    }
  });
});
