/**
 * The CDEK API client against a local stand-in that answers CDEK's documented shapes
 * (test/support/cdek-stand-in.ts): one token for many reads, renewed before it expires;
 * refused credentials and an unavailable CDEK as their own errors; an unknown number as not
 * found; and statuses read with the event ids the webhook gives the same reports.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CdekAuthError,
  CdekUnavailableError,
  createCdekClient,
  readCdekWebhook,
} from '../../../src/carriers/cdek';
import { ShipmentEventSchema } from '../../../src/schemas/shipment.schema';
import { startCdekStandIn, type CdekStandIn } from '../../support/cdek-stand-in';

const FIXTURES = path.resolve(__dirname, '../../fixtures/cdek');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8'));
const entity = fixture('order-entity.json').entity as Record<string, unknown>;

let cdek: CdekStandIn;
let now: Date;

beforeEach(async () => {
  cdek = await startCdekStandIn({ expiresIn: 3599 });
  cdek.setOrder('1106207236', entity);
  now = new Date('2026-03-07T03:00:00Z');
});
afterEach(() => cdek.close());

function client(overrides: { clientSecret?: string; timeoutMs?: number } = {}) {
  return createCdekClient({
    baseUrl: cdek.baseUrl,
    clientId: cdek.clientId,
    clientSecret: overrides.clientSecret ?? cdek.clientSecret,
    clock: () => now,
    ...(overrides.timeoutMs === undefined ? {} : { timeoutMs: overrides.timeoutMs }),
  });
}

const tokenRequests = () => cdek.requests.filter((r) => r.path === '/v2/oauth/token');

describe('the token', () => {
  it('is asked for once for two reads, with CDEK’s client-credentials form', async () => {
    const api = client();
    await api.orderNotices('1106207236');
    await api.orderNotices('1106207236');
    expect(tokenRequests()).toHaveLength(1);
    expect(tokenRequests()[0]?.form).toEqual({
      grant_type: 'client_credentials',
      client_id: cdek.clientId,
      client_secret: cdek.clientSecret,
    });
    const reads = cdek.requests.filter((r) => r.path === '/v2/orders');
    expect(reads.map((r) => [r.query, r.authorization])).toEqual([
      [{ cdek_number: '1106207236' }, 'Bearer stand-in-token-1'],
      [{ cdek_number: '1106207236' }, 'Bearer stand-in-token-1'],
    ]);
  });

  it('is renewed shortly before expires_in runs out, not after', async () => {
    const api = client();
    await api.orderNotices('1106207236');
    now = new Date(now.getTime() + 3500_000);
    await api.orderNotices('1106207236');
    expect(tokenRequests()).toHaveLength(1);
    now = new Date(now.getTime() + 60_000);
    await api.orderNotices('1106207236');
    expect(tokenRequests()).toHaveLength(2);
  });

  it('is renewed once when CDEK drops it early (a 401 on the read)', async () => {
    const api = client();
    await api.orderNotices('1106207236');
    cdek.revokeTokens();
    expect((await api.orderNotices('1106207236')).found).toBe(true);
    expect(tokenRequests()).toHaveLength(2);
  });
});

describe('errors', () => {
  it('refused credentials are a CdekAuthError', async () => {
    await expect(client({ clientSecret: 'wrong' }).orderNotices('1106207236')).rejects.toThrow(
      CdekAuthError,
    );
  });

  it('a 401 for a fresh token too is a CdekAuthError', async () => {
    cdek.failNext('/v2/orders', { status: 401, times: 2 });
    await expect(client().orderNotices('1106207236')).rejects.toThrow(CdekAuthError);
  });

  it.each([500, 502, 503])(
    'a %s is a CdekUnavailableError, on the token or the read',
    async (status) => {
      cdek.failNext('/v2/oauth/token', { status });
      await expect(client().orderNotices('1106207236')).rejects.toThrow(CdekUnavailableError);
      cdek.failNext('/v2/orders', { status });
      await expect(client().orderNotices('1106207236')).rejects.toMatchObject({
        name: 'CdekUnavailableError',
        status,
      });
    },
  );

  it('no answer in time is a CdekUnavailableError', async () => {
    cdek.failNext('/v2/orders', { status: 200, delayMs: 500, body: { entity } });
    await expect(client({ timeoutMs: 100 }).orderNotices('1106207236')).rejects.toThrow(
      CdekUnavailableError,
    );
  });

  it('an unreachable CDEK is a CdekUnavailableError', async () => {
    const { baseUrl } = cdek;
    await cdek.close();
    cdek = await startCdekStandIn();
    const api = createCdekClient({
      baseUrl,
      clientId: 'x',
      clientSecret: 'y',
      clock: () => now,
    });
    await expect(api.orderNotices('1106207236')).rejects.toThrow(CdekUnavailableError);
  });

  it('an answer that is no JSON is a CdekUnavailableError', async () => {
    const api = createCdekClient({
      baseUrl: cdek.baseUrl,
      clientId: cdek.clientId,
      clientSecret: cdek.clientSecret,
      clock: () => now,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        return String(input).includes('/v2/orders')
          ? new Response('<html>', { status: 200 })
          : response;
      },
    });
    await expect(api.orderNotices('1106207236')).rejects.toThrow(CdekUnavailableError);
  });
});

describe('orderNotices', () => {
  it('answers found: false for a number CDEK does not know (its 400 v2_entity_not_found)', async () => {
    expect(await client().orderNotices('1106200000')).toEqual({ found: false, notices: [] });
  });

  it('reads every status and problem as a reconciliation notice the API’s schema takes', async () => {
    const { found, notices } = await client().orderNotices('1106207236');
    expect(found).toBe(true);
    expect(notices.map((n) => n.event.status)).toEqual([
      'delivered',
      'awaiting_pickup',
      'in_transit',
      'in_transit',
      'handed_to_delivery',
      'created',
      'problem',
    ]);
    for (const notice of notices) {
      expect(notice).toMatchObject({
        carrier: 'cdek',
        waybill: '1106207236',
        orderNumber: 'O-1001',
      });
      expect(notice.event.source).toBe('reconciliation');
      expect(ShipmentEventSchema.safeParse(notice.event).success).toBe(true);
    }
  });

  it.each(['order-status-in-transit.json', 'order-status-delivered.json', 'deliv-problem.json'])(
    'gives %s’s report the event id the hook gave it, though the times are written apart',
    async (name) => {
      const reading = readCdekWebhook(fixture(name), { source: 'cdek_hook' });
      if (reading.kind !== 'notices') throw new Error(JSON.stringify(reading));
      const hookId = reading.notices[0]?.event.eventId;
      const { notices } = await client().orderNotices('1106207236');
      expect(notices.map((n) => n.event.eventId)).toContain(hookId);
    },
  );

  it('keeps a return order’s statuses as carrier statuses', async () => {
    cdek.setOrder('1106209981', { ...entity, cdek_number: '1106209981', is_return: true });
    const { notices } = await client().orderNotices('1106209981');
    expect(notices.filter((n) => n.event.status !== 'problem').map((n) => n.event.status)).toEqual(
      Array(6).fill('carrier_status'),
    );
  });

  it('answers found: false for an answer with no entity', async () => {
    cdek.failNext('/v2/orders', { status: 200, body: { requests: [] } });
    expect(await client().orderNotices('1106207236')).toEqual({ found: false, notices: [] });
  });
});
