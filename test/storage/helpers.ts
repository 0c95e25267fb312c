/**
 * Test helpers: a fresh table per test file on the shared DynamoDB Local,
 * and a claim factory built with the domain's own `fileClaim`.
 */
import { randomUUID } from 'node:crypto';
import { computeLost } from '../../src/domain/compensation';
import { resolvePolicy } from '../../src/domain/policies';
import { inject } from 'vitest';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { documentApiClient } from '../support/document-api-client';
import { fileClaim, type Claim, type ClaimChange, type NewClaim } from '../../src/domain/claim';
import type { ClaimRepository, ShipmentRecord, Storage } from '../../src/storage/repository';

/** The shards of the clerk-wide views in tests: more than one, so merging is always exercised. */
export const TEST_VIEW_SHARDS = 3;

/** A new, empty table on the shared DynamoDB Local, so counts in one file are exact. */
export async function freshStorage(options: { viewShards?: number } = {}) {
  const { client, tableName } = await freshTable();
  const viewShards = options.viewShards ?? TEST_VIEW_SHARDS;
  // Imported when called: a file that only needs a table or the factories below loads without it.
  const { storageOn, DynamoApiKeyRepository } = await import('../../src/storage/dynamodb');
  const storage: Storage = storageOn(client, { tableName, viewShards });
  // The key repository itself (no cache in front), with its admin calls (setDisplayName).
  const apiKeys = new DynamoApiKeyRepository({ client, tableName, viewShards });
  return { client, tableName, viewShards, ...storage, apiKeys };
}

/** A new, empty table on the shared DynamoDB Local, and a client for it. */
export async function freshTable() {
  const tableName = `t-${randomUUID()}`;
  const connection = { endpoint: inject('dynamoEndpoint'), region: 'eu-central-1', tableName };
  const client = clientFor(connection);
  // The storage-ydb project (vitest.config.ts): the table as YDB's Document API takes it, and a
  // client that refuses what that API lacks (test/support/document-api-client.ts).
  if (inject('documentApi') === true) {
    await ensureTable(documentApiClient(client), tableName, { target: 'ydb' });
    return { client, tableName };
  }
  await ensureTable(client, tableName);
  return { client, tableName };
}

let sequence = 0;

/** An ISO instant `minutes` after 2025-03-01T00:00Z. */
export function at(minutes: number): string {
  return new Date(Date.UTC(2025, 2, 1) + minutes * 60_000).toISOString();
}

/**
 * A filed claim (version 1) and its `filed` event; fields overridable.
 *
 * @example
 * const { claim, event } = newClaim({ shopId: 'shop-a', createdAt: at(5) });
 */
export function newClaim(
  overrides: Partial<NewClaim> & { id?: string; createdAt?: string } = {},
): ClaimChange & { claim: Claim } {
  const { id = `clm_${randomUUID()}`, createdAt = at(sequence++), ...fields } = overrides;
  const input: NewClaim = {
    shopId: 'shop-a',
    type: 'lost',
    carrier: 'dpd',
    waybill: `WB${sequence}`,
    orderId: 'order-7',
    shipment: {
      deliveryCost: { amount: '450.00', currency: 'RUB' },
      deliveryPaid: true,
      insurance: null,
    },
    claimant: { name: 'Анна Петрова', email: 'anna@example.com', phone: '+7 900 000-00-00' },
    description: 'Parcel never arrived',
    evidence: [
      {
        id: 'ev_1',
        kind: 'receipt',
        name: 'receipt.pdf',
        url: 'https://files.example/r.pdf',
        addedAt: createdAt,
      },
    ],
    shippedDate: '2025-02-20',
    compensation: computeLost(
      { deliveryCost: { amount: '450.00', currency: 'RUB' } },
      { policy: resolvePolicy('cdek') },
    ),
    missingEvidence: ['proof_of_value'],
    filingDeadline: '2025-09-01',
    answerDueBy: '2025-03-31',
    ...fields,
  };
  return fileClaim(input, { id, at: createdAt, by: { role: 'shop', id: input.shopId } });
}

/**
 * Stores claims as filed by their shop (the `filed` event only), 50 at a time.
 *
 * @example await storeFiled(claims, [claim1, claim2]);
 */
export async function storeFiled(claims: ClaimRepository, all: readonly Claim[]): Promise<void> {
  for (let i = 0; i < all.length; i += 50) {
    await Promise.all(
      all.slice(i, i + 50).map((claim) =>
        claims.create(claim, {
          claimId: claim.id,
          seq: 1,
          at: claim.createdAt,
          actor: { role: 'shop', id: claim.shopId },
          type: 'filed',
        }),
      ),
    );
  }
}

/** A cdek shipment record, one 1 kg parcel promised for 2025-03-11. */
export const shipment = (
  shopId: string,
  orderId: string,
  shipmentId: string,
  over: Partial<ShipmentRecord> = {},
): ShipmentRecord => ({
  shopId,
  orderId,
  shipmentId,
  facts: {
    shipmentId,
    carrier: 'cdek',
    packages: [{ lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '1' }],
    packaging: [],
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    deliveryPaid: true,
    promisedDate: '2025-03-11',
  },
  events: [],
  version: 1,
  updatedAt: '2025-03-01T10:00:00.000Z',
  lateViewDate: '2025-03-11',
  ...over,
});

/**
 * What the claim-change consumer derives from stored claims (search entries, counts, the
 * unacknowledged queue), applied at once, 50 claims at a time: what the queue does a moment
 * after each write.
 *
 * @example await deriveAll(storage, claims.map((c) => c.id));
 */
export async function deriveAll(storage: Storage, claimIds: readonly string[]): Promise<void> {
  const { reconcileClaim } = await import('../../src/services/claim-changes');
  const deps = { storage, clock: () => new Date('2025-03-01T00:00:00.000Z'), log: () => undefined };
  for (let i = 0; i < claimIds.length; i += 50) {
    await Promise.all(claimIds.slice(i, i + 50).map((id) => reconcileClaim(deps, id)));
  }
}
