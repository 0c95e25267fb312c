/**
 * Test data behind the desk: claims filed through the API with the shop key,
 * or written straight to DynamoDB Local when a test needs a past date (overdue
 * claims) or many claims (pages).
 */
import { inject } from 'vitest';
import { getCalendar } from '../../src/domain/calendar';
import { applyCommand, fileClaim, type ClaimCommand } from '../../src/domain/claim';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { resolvePolicy } from '../../src/domain/policies';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { reconcileClaim } from '../../src/services/claim-changes';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { createDynamoStorage } from '../../src/storage/dynamodb';
import type { Storage } from '../../src/storage/repository';
import { isoDay } from './browser';

/** The storage the Worker under test uses. */
export const testStorage = (): Storage =>
  createDynamoStorage({
    endpoint: inject('deskDynamoEndpoint'),
    region: 'eu-central-1',
    tableName: inject('deskTable'),
  });

/** A lost-parcel filing, shipped `shippedOffset` days from today. */
export function lostFiling(waybill: string, shippedOffset = -10): ClaimFiling {
  return {
    type: 'lost',
    carrier: 'cdek',
    waybill,
    shippedDate: isoDay(shippedOffset),
    shipment: { deliveryCost: { amount: '500.00', currency: 'RUB' }, deliveryPaid: true },
    claimant: { name: 'Boris Sidorov', email: 'boris@example.com', phone: '+7 901 111-22-33' },
    description: 'The parcel never arrived.',
    evidence: [],
  };
}

/**
 * Calls the API under test.
 *
 * @example const claim = await api('POST', '/v1/claims', inject('shopKey'), filing);
 */
export async function api(
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${inject('deskUrl')}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * Writes a claim as if filed `daysAgo` days ago (so its answer date may have passed).
 *
 * @example const id = await seedClaim(storage, 'shop-x', 'WB1', 40);
 */
export async function seedClaim(
  storage: Storage,
  shopId: string,
  waybill: string,
  daysAgo: number,
): Promise<string> {
  const today = isoDay(-daysAgo);
  const at = `${today}T09:00:00.000Z`;
  const prepared = prepareClaim(lostFiling(waybill, -daysAgo - 5), {
    policy: resolvePolicy('cdek'),
    calendar: getCalendar('RU'),
    shopId,
    today,
    at,
  });
  const id = `clm_${crypto.randomUUID().replaceAll('-', '')}`;
  const { claim, event } = fileClaim(prepared, { id, at, by: { role: 'shop', id: shopId } });
  await storage.claims.create(claim, event);
  // What the Worker's change consumer derives (counts, search, the unacknowledged queue).
  await reconcileClaim({ storage, clock: () => new Date(), log: () => undefined }, id);
  return id;
}

/**
 * Moves a stored claim as a clerk would (`review`, `decide`, `pay`…), then derives its
 * figures as the Worker's consumer does.
 *
 * @example await moveClaim(storage, id, { type: 'review' });
 */
export async function moveClaim(storage: Storage, id: string, command: ClaimCommand) {
  const claim = await storage.claims.get(id);
  if (!claim) throw new Error(`no claim ${id}`);
  const at = new Date().toISOString();
  const next = applyCommand(claim, command, {
    at,
    today: at.slice(0, 10),
    by: { role: 'clerk', id: 'clerk:seed' },
  });
  await storage.claims.update(claim, next.claim, next.events);
  await reconcileClaim({ storage, clock: () => new Date(), log: () => undefined }, id);
}

/** A CDEK shipment of 500 RUB shipped 10 days ago, promised 6 days ago: late by now. */
export const lateShipmentFacts = (shipmentId: string, waybill: string) => ({
  shipmentId,
  carrier: 'cdek',
  waybill,
  packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }],
  packaging: [{ item: 'crate_m' }],
  deliveryCost: { amount: '500.00', currency: 'RUB' },
  deliveryPaid: true,
  shippedDate: isoDay(-10),
  promisedDate: isoDay(-6),
});

/**
 * Puts an order of `shipments` through the API with the shop key, each then reported in
 * transit: late ones are in the late queue. Answers each shipment after its event.
 *
 * @example const [shipment] = await putLateOrder('O-1', [lateShipmentFacts('S-1', 'W1')]);
 */
export async function putLateOrder(
  orderId: string,
  shipments: { shipmentId: string }[],
): Promise<Record<string, unknown>[]> {
  const shopKey = inject('shopKey');
  const put = await api('PUT', `/v1/orders/${orderId}`, shopKey, {
    placedAt: `${isoDay(-12)}T10:00:00+03:00`,
    customer: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
    b2b: false,
    shipments,
  });
  if (put.status !== 201) throw new Error(`order not created: ${JSON.stringify(put.json)}`);
  const answers = [];
  for (const { shipmentId } of shipments) {
    const event = { eventId: 'e1', status: 'in_transit', at: `${isoDay(-9)}T08:00:00Z` };
    const answer = await api('POST', `/v1/shipments/${shipmentId}/events`, shopKey, event);
    if (answer.status !== 200) throw new Error(`event refused: ${JSON.stringify(answer.json)}`);
    answers.push(answer.json.shipment as Record<string, unknown>);
  }
  return answers;
}

/**
 * A shop of a test file's own (`<prefix>-<8 hex>`), its key, and its profile under `legalName`
 * (the remedy limits 15 %, 1000.00 RUB; the claimant of the claims an audit files).
 *
 * @example const { shopId, key } = await seedShopWithProfile('remedy-shop', 'ООО «Зелёный чай»');
 */
export async function seedShopWithProfile(
  prefix: string,
  legalName: string,
): Promise<{ shopId: string; key: string }> {
  const shopId = `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
  const { keyId, key } = generateApiKey();
  await testStorage().apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role: 'shop',
    shopId,
    createdAt: new Date().toISOString(),
  });
  const put = await api('PUT', '/v1/shop', key, { ...shopInputExample, legalName });
  if (put.status !== 201) throw new Error(`profile not stored: ${JSON.stringify(put.json)}`);
  return { shopId, key };
}
