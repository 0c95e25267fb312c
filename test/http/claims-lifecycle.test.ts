import { beforeAll, describe, expect, it } from 'vitest';
import { call, rub } from './helpers';
import { fileOk, move, seedKey, seedShop } from './claims-helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  clerk = await seedKey('clerk');
});

describe('a claim from filing to payment', () => {
  it('moves through review, a request for information, a partial approval and payment', async () => {
    const { id } = await fileOk(shop.auth);
    const steps: [string, Record<string, string>, unknown, string][] = [
      ['review', clerk.auth, undefined, 'in_review'],
      [
        'decision',
        clerk.auth,
        { decision: 'needs_info', reason: 'Send the invoice' },
        'needs_info',
      ],
      [
        'evidence',
        shop.auth,
        { evidence: [{ kind: 'proof_of_value', name: 'invoice.pdf' }] },
        'in_review',
      ],
      [
        'decision',
        clerk.auth,
        { decision: 'partially_approved', reason: 'One item', approvedAmount: rub('1500.00') },
        'partially_approved',
      ],
      [
        'payment',
        clerk.auth,
        { amount: rub('1500.00'), paidOn: '2025-06-16', reference: 'PP-1' },
        'paid',
      ],
    ];
    for (const [name, auth, body, status] of steps) {
      const a = await move(id, name, auth, body);
      expect(a.status, `${name}: ${a.text}`).toBe(200);
      expect(a.body.status).toBe(status);
      expect(a.headers.get('etag')).toBe(`"${String(a.body.version)}"`);
    }
    const final = await call('GET', `/v1/claims/${id}`, undefined, shop.auth);
    expect(final.body).toMatchObject({
      status: 'paid',
      missingEvidence: [],
      decision: { decision: 'partially_approved', approvedAmount: rub('1500.00') },
      payment: { amount: rub('1500.00'), reference: 'PP-1' },
      version: 7,
    });
    const history = await call('GET', `/v1/claims/${id}/history`, undefined, clerk.auth);
    const events = history.body.items as {
      seq: number;
      type: string;
      from?: string;
      to?: string;
    }[];
    expect(events.map((e) => [e.seq, e.type, e.from ?? null, e.to ?? null])).toEqual([
      [1, 'filed', null, 'submitted'],
      [2, 'status_changed', 'submitted', 'in_review'],
      [3, 'status_changed', 'in_review', 'needs_info'],
      [4, 'evidence_added', null, null],
      [5, 'status_changed', 'needs_info', 'in_review'],
      [6, 'status_changed', 'in_review', 'partially_approved'],
      [7, 'payment_recorded', 'partially_approved', 'paid'],
    ]);
  });

  it('answers a move the status does not allow with 409 naming the status', async () => {
    const { id } = await fileOk(shop.auth);
    const a = await move(id, 'payment', clerk.auth, {
      amount: rub('1.00'),
      paidOn: '2025-06-16',
      reference: 'x',
    });
    expect(a.status, a.text).toBe(409);
    expect(a.body).toMatchObject({
      type: '/problems/invalid-transition',
      currentStatus: 'submitted',
    });
    expect(String(a.body.detail)).toContain("'submitted'");
  });

  it('lets the shop withdraw a submitted claim, but not a reviewed one', async () => {
    const { id } = await fileOk(shop.auth);
    expect((await move(id, 'cancel', shop.auth)).body.status).toBe('cancelled');
    const other = await fileOk(shop.auth);
    await move(other.id, 'review', clerk.auth);
    expect((await move(other.id, 'cancel', shop.auth)).status).toBe(409);
  });

  it('refuses to approve above the computed amount without an override reason', async () => {
    const { id } = await fileOk(shop.auth);
    await move(id, 'review', clerk.auth);
    const over = { decision: 'approved', reason: 'ok', approvedAmount: rub('9000.00') };
    const refused = await move(id, 'decision', clerk.auth, over);
    expect(refused.status, refused.text).toBe(422);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: '/approvedAmount/amount' }),
    ]);
    const allowed = await move(id, 'decision', clerk.auth, {
      ...over,
      overrideReason: 'Court order',
    });
    expect(allowed.status, allowed.text).toBe(200);
  });

  it('keeps the roles apart: a shop cannot decide, a clerk cannot withdraw', async () => {
    const { id } = await fileOk(shop.auth);
    expect((await move(id, 'review', shop.auth)).status).toBe(403);
    expect((await move(id, 'cancel', clerk.auth)).status).toBe(403);
  });

  it('refuses a shop’s decision (403) before looking at its body or its If-Match', async () => {
    const { id } = await fileOk(shop.auth);
    const a = await move(id, 'decision', shop.auth, { decision: 'maybe' }, { 'if-match': 'x' });
    expect(a.status, a.text).toBe(403);
    expect(a.body.type).toBe('/problems/forbidden');
  });
});

describe('concurrent moves', () => {
  it('answers a stale If-Match with 412 and changes nothing', async () => {
    const { id } = await fileOk(shop.auth);
    await move(id, 'review', clerk.auth, undefined, { 'if-match': '"1"' });
    const stale = await move(
      id,
      'decision',
      clerk.auth,
      { decision: 'rejected', reason: 'x' },
      { 'if-match': '"1"' },
    );
    expect(stale.status, stale.text).toBe(412);
    expect((await call('GET', `/v1/claims/${id}`, undefined, clerk.auth)).body.status).toBe(
      'in_review',
    );
  });

  it('reads If-Match as RFC 9110 does: * and a list holding the current tag match, a weak tag never does', async () => {
    const { id } = await fileOk(shop.auth);
    const any = await move(id, 'review', clerk.auth, undefined, { 'if-match': '*' });
    expect(any.status, any.text).toBe(200);
    const weak = await move(id, 'cancel', shop.auth, undefined, { 'if-match': 'W/"2"' });
    expect(weak.status, weak.text).toBe(412);
    expect(weak.body).toMatchObject({ status: 412, currentVersion: 2 });
    expect(weak.body.detail).toContain('W/"2"');
    const foreign = await move(id, 'cancel', shop.auth, undefined, { 'if-match': '"abc"' });
    expect(foreign.status, foreign.text).toBe(412);
    const list = await move(
      id,
      'decision',
      clerk.auth,
      { decision: 'needs_info', reason: 'Send the invoice' },
      { 'if-match': '"1", W/"2", "2"' },
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.status).toBe('needs_info');
  });

  it('refuses a version too large for a number with a 422 that quotes it as sent', async () => {
    const { id } = await fileOk(shop.auth);
    const huge = '"99999999999999999999"';
    const res = await move(id, 'review', clerk.auth, undefined, { 'if-match': huge });
    expect(res.status, res.text).toBe(422);
    expect(res.text).toContain('99999999999999999999');
    expect(res.text).not.toContain('100000000000000000000');
    expect(res.body).toMatchObject({ errors: [{ header: 'if-match' }] });
    const garbled = await move(id, 'review', clerk.auth, undefined, { 'if-match': '3' });
    expect(garbled.status, garbled.text).toBe(422);
  });

  it('lets exactly one of 50 conflicting decisions win, with a consistent history', async () => {
    const { id } = await fileOk(shop.auth);
    await move(id, 'review', clerk.auth);
    const decisions = Array.from({ length: 50 }, (_, i) =>
      move(
        id,
        'decision',
        clerk.auth,
        i % 2
          ? { decision: 'rejected', reason: `r${i}` }
          : { decision: 'approved', reason: `a${i}` },
        i % 3 ? { 'if-match': '"2"' } : {},
      ),
    );
    const answers = await Promise.all(decisions);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(
      statuses.every((s) => s === 200 || s === 409 || s === 412),
      String(statuses),
    ).toBe(true);
    const history = await call('GET', `/v1/claims/${id}/history`, undefined, clerk.auth);
    const events = history.body.items as { seq: number }[];
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const final = await call('GET', `/v1/claims/${id}`, undefined, clerk.auth);
    expect(final.body.version).toBe(3);
  });
});
