/**
 * Issue 21: the late listing shows the claim filed from each shipment (linked by the
 * claim-change consumer, read with the shipment: no read per claim), and a shipment whose
 * late or lost claim was accepted stops accruing lateness as of that claim's filing day. On
 * DynamoDB Local, through the services and through the API (`GET /v1/shipments?late=true`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { ShipmentClaimRequest } from '../../src/domain/shipment';
import { LateShipmentListSchema } from '../../src/schemas/shipment.schema';
import { orderInputExample } from '../../src/schemas/shipment.examples';
import type { Principal } from '../../src/services/actor';
import { inlineFeed } from '../../src/services/claim-changes';
import { createClaimService } from '../../src/services/claims';
import { createShipmentClaimService } from '../../src/services/shipment-claims';
import { createShipmentService, type LateShipmentView } from '../../src/services/shipments';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { freshStorage } from '../storage/helpers';

const storage = await freshStorage();
let now = new Date('2025-06-20T09:00:00.000Z');
const clock = () => now;
const deps = { storage, clock, changes: inlineFeed({ storage, clock }) };
let n = 0;
const newId = () => `clm_${String(++n).padStart(32, '0')}`;
const claims = createClaimService({ ...deps, newId });
const shipments = createShipmentService(deps);
const shipmentClaims = createShipmentClaimService({ storage, claims, shipments });
const app = createApp({ ...deps, newId, maxBodyBytes: 65_536 }, { log: () => undefined });

const SHOP = 'late-claims-shop';
const shop: Principal = { keyId: 'k-shop', role: 'shop', shopId: SHOP };
const clerk: Principal = { keyId: 'k-clerk', role: 'clerk' };
const { key: shopKey, keyId } = generateApiKey();

/** Shipped 2 June, promised 5 June, in transit since: late from the 6th. */
const shipment = (shipmentId: string) => ({
  ...orderInputExample.shipments[0]!,
  shipmentId,
  waybill: `W-${shipmentId}`,
});
const ids = ['S-lost', 'S-rejected', 'S-none', 'S-late'] as const;

const late = async (): Promise<Map<string, LateShipmentView>> => {
  const page = await shipments.listLate(shop, { limit: 100 });
  return new Map(page.items.map((item) => [item.shipmentId, item]));
};
const file = async (shipmentId: string, type: ShipmentClaimRequest['type']) =>
  (
    await shipmentClaims.file(shop, shipmentId, {
      type,
      description: 'Promised by 5 June, never came',
      evidence: [],
    } as ShipmentClaimRequest)
  ).claim;
const settle = async (id: string, decision: 'approved' | 'rejected') => {
  let claim = await claims.move(clerk, id, { type: 'review' });
  claim = await claims.move(clerk, id, { type: 'decide', decision, reason: 'Checked' });
  if (decision === 'rejected') return claim;
  return claims.move(clerk, id, {
    type: 'pay',
    amount: claim.compensation.amount,
    paidOn: now.toISOString().slice(0, 10),
    reference: `PP-${id.slice(-4)}`,
  });
};

let lostId = '';
let lateId = '';
beforeAll(async () => {
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(shopKey),
    role: 'shop',
    shopId: SHOP,
    createdAt: now.toISOString(),
  });
  now = new Date('2025-06-01T16:00:00.000Z');
  await shipments.putOrder(shop, 'O-1', { ...orderInputExample, shipments: ids.map(shipment) });
  now = new Date('2025-06-04T09:00:00.000Z');
  for (const id of ids) {
    await shipments.recordEvent(shop, id, {
      eventId: 'e1',
      status: 'in_transit',
      at: '2025-06-03T08:30:00+03:00',
    });
  }
  now = new Date('2025-06-20T09:00:00.000Z');
  lostId = (await file('S-lost', 'lost')).id;
  await settle((await file('S-rejected', 'late')).id, 'rejected');
  lateId = (await file('S-late', 'late')).id;
});

describe('the late listing and the claims filed from its shipments', () => {
  it('shows each shipment’s claim, and nothing for one without', async () => {
    const items = await late();
    expect(items.get('S-lost')?.claim).toMatchObject({
      id: lostId,
      type: 'lost',
      status: 'submitted',
    });
    expect(items.get('S-rejected')?.claim).toMatchObject({ type: 'late', status: 'rejected' });
    expect(items.get('S-none')).not.toHaveProperty('claim');
    expect([...items.values()].map((i) => i.latenessFrozenOn)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('stops the lateness of a shipment whose lost claim was paid; the others keep accruing', async () => {
    const asOfFiling = (await late()).get('S-lost')?.lateness;
    now = new Date('2025-06-23T09:00:00.000Z');
    const paid = await settle(lostId, 'approved');
    expect(paid.status).toBe('paid');
    now = new Date('2025-07-10T09:00:00.000Z');
    const items = await late();
    const lost = items.get('S-lost');
    expect(lost?.claim).toMatchObject({
      id: lostId,
      status: 'paid',
      paidAmount: paid.payment?.amount,
    });
    expect(lost?.latenessFrozenOn).toBe('2025-06-20');
    expect(lost?.lateness).toEqual(asOfFiling);
    // Rejected, or not yet decided: the lateness grows with the clock.
    for (const id of ['S-rejected', 'S-none', 'S-late']) {
      const item = items.get(id);
      expect(item?.lateness?.lateUntil).toBe('2025-07-10');
      expect(item?.lateness?.businessDaysLate).toBeGreaterThan(asOfFiling?.businessDaysLate ?? 0);
      expect(item).not.toHaveProperty('latenessFrozenOn');
    }
  });

  it('keeps a paid late claim’s shipment at what was claimed', async () => {
    const paid = await settle(lateId, 'approved');
    now = new Date('2025-08-01T09:00:00.000Z');
    const item = (await late()).get('S-late');
    expect(item?.latenessFrozenOn).toBe('2025-06-20');
    expect(item?.lateness?.amount).toEqual(paid.compensation.amount);
    expect(item?.claim).toMatchObject({ id: lateId, status: 'paid' });
  });

  it('reads each shipment once, its claims with it: one Query per shipment, no read per claim', async () => {
    const sent: string[] = [];
    let counting = false;
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        if (counting) sent.push(context.commandName ?? '?');
        return next(args);
      },
      { step: 'initialize', name: 'countCommands' },
    );
    counting = true;
    const page = await shipments.listLate(shop, { limit: 100 });
    counting = false;
    storage.client.middlewareStack.remove('countCommands');
    expect(page.items.filter((item) => item.claim !== undefined)).toHaveLength(3);
    // The shop's late view (one partition), then each of its 4 shipments' partition.
    expect(sent).toEqual(Array.from({ length: 5 }, () => 'QueryCommand'));
  });

  it('answers the API’s listing with the claim and the frozen day, as its schema says', async () => {
    const res = await app.request('http://api.test/v1/shipments?late=true', {
      headers: { authorization: `Bearer ${shopKey}` },
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const body = LateShipmentListSchema.parse(JSON.parse(text));
    const byId = new Map(body.items.map((item) => [item.shipmentId, item]));
    expect(byId.get('S-lost')).toMatchObject({
      latenessFrozenOn: '2025-06-20',
      claim: { id: lostId, type: 'lost', status: 'paid' },
    });
    expect(byId.get('S-none')).not.toHaveProperty('claim');
    expect(byId.get('S-none')).not.toHaveProperty('latenessFrozenOn');
    // The new fields come last: every field an older client read is where it was.
    expect(Object.keys(JSON.parse(text).items[0]).slice(-3)).toEqual([
      'cause',
      'claim',
      'latenessFrozenOn',
    ]);
  });
});
