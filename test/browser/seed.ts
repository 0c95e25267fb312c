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
import { reconcileClaim } from '../../src/services/claim-changes';
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
