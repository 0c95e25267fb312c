/**
 * Carrier hooks through the Worker, on DynamoDB Local, with CDEK's documented payloads
 * (test/fixtures/cdek, their March 2026 dates moved to June 2025: today is pinned to
 * 2025-06-16, test/http/worker.ts).
 */
import { describe, expect, it } from 'vitest';
import deliveredText from '../fixtures/cdek/order-status-delivered.json?raw';
import inTransitText from '../fixtures/cdek/order-status-in-transit.json?raw';
import printFormText from '../fixtures/cdek/print-form.json?raw';
import delivProblemText from '../fixtures/cdek/deliv-problem.json?raw';
import modifiedText from '../fixtures/cdek/order-modified-planned-date.json?raw';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';
import { putOrderOk, shipmentBody } from './shipments-helpers';

/** A fixture as of June 2025, its parcel's numbers as given. */
function payload(text: string, parcel: { waybill?: string; number?: string } = {}) {
  const body = JSON.parse(text.replaceAll('2026-03-', '2025-06-')) as {
    attributes: Record<string, unknown>;
  } & Record<string, unknown>;
  if (parcel.waybill !== undefined) body.attributes.cdek_number = parcel.waybill;
  if (parcel.number !== undefined) body.attributes.number = parcel.number;
  return body;
}
const inTransit = (parcel: { waybill?: string; number?: string } = {}) =>
  payload(inTransitText, parcel);

type Hook = { id: string; carrier: string; url?: string; createdAt: string; forwardTo?: string };
type Summary = Record<
  'received' | 'applied' | 'duplicate' | 'unmatched' | 'refused' | 'ignored',
  number
>;
type Shipment = {
  status: string;
  events: { eventId: string; at: string; source?: string; carrierStatus?: { code: string } }[];
  lateness: { businessDaysLate: number } | null;
};

async function newHook(auth: Record<string, string>, body: unknown = { carrier: 'cdek' }) {
  const a = await call('POST', '/v1/carrier-hooks', body, auth);
  if (a.status !== 201) throw new Error(`hook not made: ${a.text}`);
  const hook = a.body as unknown as Hook;
  return { hook, path: new URL(hook.url ?? '').pathname };
}
const send = (path: string, body: unknown) => call('POST', path, body);
const summaryOf = (a: { body: unknown }) => a.body as Summary;
const shipmentOf = async (auth: Record<string, string>, id: string) =>
  (await call('GET', `/v1/shipments/${id}`, undefined, auth)).body as unknown as Shipment;

describe('POST /v1/carrier-hooks, GET, DELETE', () => {
  it('shows the token once, lists hooks without it, and revokes one for good', async () => {
    const shop = await seedShop();
    const a = await call('POST', '/v1/carrier-hooks', { carrier: 'cdek' }, shop.auth);
    expect(a.status, a.text).toBe(201);
    const hook = a.body as unknown as Hook;
    expect(hook.url).toMatch(/^http:\/\/api\.test\/v1\/carrier-hooks\/cdek\/[A-Za-z0-9_-]{43}$/);
    expect(a.headers.get('location')).toBe(`/v1/carrier-hooks/${hook.id}`);
    const listed = await call('GET', '/v1/carrier-hooks', undefined, shop.auth);
    expect(listed.body).toEqual({
      items: [{ id: hook.id, carrier: 'cdek', createdAt: hook.createdAt }],
    });
    expect(listed.text).not.toContain(new URL(hook.url!).pathname.split('/').pop());
    const path = new URL(hook.url!).pathname;
    expect((await send(path, { type: 'PRINT_FORM' })).status).toBe(200);
    const revoked = await call('DELETE', `/v1/carrier-hooks/${hook.id}`, undefined, shop.auth);
    expect(revoked.status, revoked.text).toBe(204);
    const gone = await send(path, inTransit());
    expect(gone.status).toBe(404);
    expect(gone.text).toBe('');
    const again = await call('DELETE', `/v1/carrier-hooks/${hook.id}`, undefined, shop.auth);
    expect(again.status).toBe(404);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    // Another shop's hook is not revealed.
    const other = await seedShop();
    const { hook: theirs } = await newHook(other.auth);
    const foreign = await call('DELETE', `/v1/carrier-hooks/${theirs.id}`, undefined, shop.auth);
    expect(foreign.status).toBe(404);
  });

  it('refuses a clerk key (a hook belongs to a shop), a bad forwardTo, and an 11th hook', async () => {
    const clerk = await seedKey('clerk');
    expect((await call('POST', '/v1/carrier-hooks', { carrier: 'cdek' }, clerk.auth)).status).toBe(
      403,
    );
    const shop = await seedShop();
    for (const forwardTo of [
      'http://shop.example/cdek',
      'ftp://shop.example/cdek',
      'https://user:pw@shop.example/cdek',
      'http://api.test/v1/carrier-hooks/cdek/abc',
      `https://shop.example/${'a'.repeat(2048)}`,
    ]) {
      const a = await call('POST', '/v1/carrier-hooks', { carrier: 'cdek', forwardTo }, shop.auth);
      expect(a.status, `${forwardTo}: ${a.text}`).toBe(422);
      expect(fieldErrorsOf(a)[0]?.pointer, a.text).toBe('/forwardTo');
    }
    const carrier = await call('POST', '/v1/carrier-hooks', { carrier: 'dpd' }, shop.auth);
    expect(fieldErrorsOf(carrier)[0]?.pointer).toBe('/carrier');
    const { hook } = await newHook(shop.auth, {
      carrier: 'cdek',
      forwardTo: 'https://shop.example/cdek',
    });
    expect(hook.forwardTo).toBe('https://shop.example/cdek');
    await Promise.all(Array.from({ length: 9 }, () => newHook(shop.auth)));
    const eleventh = await call('POST', '/v1/carrier-hooks', { carrier: 'cdek' }, shop.auth);
    expect(eleventh.status).toBe(422);
    expect(fieldErrorsOf(eleventh)[0]).toMatchObject({
      pointer: '/carrier',
      params: { maximum: 10 },
    });
    const page = await call('GET', '/v1/carrier-hooks?limit=4', undefined, shop.auth);
    expect((page.body.items as Hook[]).length).toBe(4);
    expect(page.body.nextCursor).toEqual(expect.any(String));
  });
});

describe('POST /v1/carrier-hooks/cdek/{token}', () => {
  it('answers a bare 404 to a token that is not a live hook’s, whatever it looks like', async () => {
    for (const token of ['x', 'A'.repeat(43), 'A'.repeat(500), '%00']) {
      const a = await send(`/v1/carrier-hooks/cdek/${token}`, inTransit());
      expect(a.status, token).toBe(404);
      expect(a.text, token).toBe('');
    }
  });

  it('answers 400 to what is no CDEK payload, 413 past the size limit', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    for (const body of ['{not json', '"a string"', JSON.stringify({ attributes: {} }), '']) {
      const a = await send(path, body);
      expect(a.status, body).toBe(400);
      expect(a.headers.get('content-type')).toBe('application/problem+json');
    }
    const big = JSON.stringify({ ...inTransit(), pad: 'x'.repeat(70_000) });
    expect((await send(path, big)).status).toBe(413);
    // Any Content-Type: CDEK's payload is read as JSON.
    const typed = await call('POST', path, JSON.stringify(inTransit({ waybill: 'NONE' })), {
      'content-type': 'text/plain',
    });
    expect(typed.status, typed.text).toBe(200);
  });

  it('moves the shipment on ORDER_STATUS, on the local day of its +0700 offset, and records a resend once', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    await putOrderOk(shop.auth, 'O-1001', [shipmentBody('S-1', { waybill: '1106207236' })]);
    const a = await send(path, inTransit());
    expect(a.status, a.text).toBe(200);
    expect(summaryOf(a)).toEqual({
      received: 1,
      applied: 1,
      duplicate: 0,
      unmatched: 0,
      refused: 0,
      ignored: 0,
    });
    const moved = await shipmentOf(shop.auth, 'S-1');
    expect(moved.status).toBe('in_transit');
    // 01:30 in Novosibirsk on 3 June is 2 June in UTC: the local day is kept.
    expect(moved.events[0]).toMatchObject({
      at: '2025-06-03T01:30:00+07:00',
      source: 'cdek_hook',
      carrierStatus: { code: 'SENT_TO_TRANSIT_CITY' },
    });
    expect(summaryOf(await send(path, inTransit())).duplicate).toBe(1);
    const delivered = await send(path, payload(deliveredText));
    expect(summaryOf(delivered).applied).toBe(1);
    const after = await shipmentOf(shop.auth, 'S-1');
    expect(after.status).toBe('delivered');
    expect(after.lateness?.businessDaysLate).toBe(1);
    // A payload of no parcel event: 200, ignored.
    expect(summaryOf(await send(path, JSON.parse(printFormText))).ignored).toBe(1);
  });

  it('records ORDER_MODIFIED (named by CDEK’s order uuid alone) and DELIV_PROBLEM on the shipment', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    await putOrderOk(shop.auth, 'O-1001', [shipmentBody('S-1', { waybill: '1106207236' })]);
    // The reschedule names the order by its uuid only: the status before it named both.
    expect(summaryOf(await send(path, inTransit())).applied).toBe(1);
    const modified = await send(path, payload(modifiedText));
    expect(summaryOf(modified), modified.text).toMatchObject({ received: 1, applied: 1 });
    const problem = await send(path, payload(delivProblemText));
    expect(summaryOf(problem), problem.text).toMatchObject({ received: 1, applied: 1 });
    const kinds = (await shipmentOf(shop.auth, 'S-1')).events.map(
      (e) => (e as { status?: string }).status,
    );
    expect(kinds).toEqual(['in_transit', 'rescheduled', 'problem']);
  });

  it('records the same event sent 10 times at once once, and 10 distinct ones at once all', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    await putOrderOk(shop.auth, 'O-1001', [shipmentBody('S-1', { waybill: '1106207236' })]);
    const same = await Promise.all(Array.from({ length: 10 }, () => send(path, inTransit())));
    expect(same.map((a) => a.status)).toEqual(Array(10).fill(200));
    const applied = same.reduce((n, a) => n + summaryOf(a).applied, 0);
    expect(applied).toBe(1);
    const distinct = Array.from({ length: 10 }, (_, i) => {
      const body = inTransit();
      body.attributes.status_date_time = `2025-06-04T1${i}:00:00+0700`;
      return body;
    });
    const answers = await Promise.all(distinct.map((body) => send(path, body)));
    expect(answers.reduce((n, a) => n + summaryOf(a).applied, 0)).toBe(10);
    expect((await shipmentOf(shop.auth, 'S-1')).events).toHaveLength(11);
  });

  it('keeps an event for an unknown parcel, lists it, and applies it when an order brings the waybill', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    const a = await send(path, inTransit({ waybill: '2200000001', number: 'O-2' }));
    expect(summaryOf(a)).toMatchObject({ received: 1, unmatched: 1 });
    const listed = await call('GET', '/v1/carrier-hooks/unmatched', undefined, shop.auth);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        carrier: 'cdek',
        waybill: '2200000001',
        orderNumber: 'O-2',
        reason: 'no_shipment',
        event: expect.objectContaining({ status: 'in_transit', source: 'cdek_hook' }),
      }),
    ]);
    // A clerk sees it when naming the shop.
    const clerk = await seedKey('clerk');
    const byClerk = await call(
      'GET',
      `/v1/carrier-hooks/unmatched?shopId=${shop.shopId}`,
      undefined,
      clerk.auth,
    );
    expect((byClerk.body.items as unknown[]).length).toBe(1);
    expect((await call('GET', '/v1/carrier-hooks/unmatched', undefined, clerk.auth)).status).toBe(
      422,
    );
    const put = await putOrderOk(shop.auth, 'O-2', [
      shipmentBody('S-2', { waybill: '2200000001' }),
    ]);
    const shipment = (put.body.shipments as Shipment[])[0];
    expect(shipment?.status).toBe('in_transit');
    const after = await call('GET', '/v1/carrier-hooks/unmatched', undefined, shop.auth);
    expect(after.body.items).toEqual([]);
  });

  it('keeps an event the shipment refuses (dated before the order), with why, answering 200', async () => {
    const shop = await seedShop();
    const { path } = await newHook(shop.auth);
    await putOrderOk(shop.auth, 'O-3', [shipmentBody('S-3', { waybill: '3300000001' })]);
    const early = inTransit({ waybill: '3300000001' });
    early.attributes.status_date_time = '2025-05-20T10:00:00+0300';
    const a = await send(path, early);
    expect(a.status).toBe(200);
    expect(summaryOf(a)).toMatchObject({ received: 1, refused: 1 });
    const listed = await call('GET', '/v1/carrier-hooks/unmatched', undefined, shop.auth);
    const [kept] = listed.body.items as { reason: string }[];
    expect(kept?.reason).toMatch(/^refused: date_order: /);
    expect((await shipmentOf(shop.auth, 'S-3')).events).toEqual([]);
  });
});
