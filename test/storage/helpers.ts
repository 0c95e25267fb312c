/**
 * Test helpers: a fresh table per test file on the shared DynamoDB Local,
 * and a claim factory built with the domain's own `fileClaim`.
 */
import { randomUUID } from 'node:crypto';
import { computeLost } from '../../src/domain/compensation';
import { resolvePolicy } from '../../src/domain/policies';
import { inject } from 'vitest';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { tableDefinition } from '../../src/storage/table';
import { fileClaim, type Claim, type ClaimChange, type NewClaim } from '../../src/domain/claim';
import {
  DynamoApiKeyRepository,
  DynamoClaimRepository,
  DynamoShopRepository,
  DynamoMessageSentRepository,
  DynamoDeskSessionRepository,
  DynamoShipmentRepository,
  DynamoRemedyRepository,
  DynamoNoteRepository,
  DynamoStatusCountRepository,
  DynamoAnalyticsRepository,
} from '../../src/storage/dynamodb';
import type { ClaimRepository, ShipmentRecord } from '../../src/storage/repository';

/** A new, empty table on the shared DynamoDB Local, so counts in one file are exact. */
export async function freshStorage() {
  const tableName = `t-${randomUUID()}`;
  const connection = { endpoint: inject('dynamoEndpoint'), region: 'eu-central-1', tableName };
  const client = clientFor(connection);
  await ensureTable(client, tableName);
  return {
    client,
    tableName,
    claims: new DynamoClaimRepository({ client, tableName }),
    apiKeys: new DynamoApiKeyRepository({ client, tableName }),
    shops: new DynamoShopRepository({ client, tableName }),
    messagesSent: new DynamoMessageSentRepository({ client, tableName }),
    remedies: new DynamoRemedyRepository({ client, tableName }),
    deskSessions: new DynamoDeskSessionRepository({ client, tableName }),
    shipments: new DynamoShipmentRepository({ client, tableName }),
    notes: new DynamoNoteRepository({ client, tableName }),
    statusCounts: new DynamoStatusCountRepository({ client, tableName }),
    analytics: new DynamoAnalyticsRepository({ client, tableName }),
  };
}

/**
 * A table as it was before the indexes named in `omit` existed (what `npm run migrate` meets).
 * @example await createTableWithout(client, 't-old', ['shopOverdue']);
 */
export async function createTableWithout(
  client: DynamoDBClient,
  tableName: string,
  omit: readonly string[],
): Promise<void> {
  const current = tableDefinition(tableName);
  const indexes = current.GlobalSecondaryIndexes.filter((i) => !omit.includes(i.IndexName!));
  const used = new Set([
    'pk',
    'sk',
    ...indexes.flatMap((i) => i.KeySchema!.map((k) => k.AttributeName!)),
  ]);
  await client.send(
    new CreateTableCommand({
      ...current,
      AttributeDefinitions: current.AttributeDefinitions.filter((a) => used.has(a.AttributeName)),
      GlobalSecondaryIndexes: indexes,
    }),
  );
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
  watchDate: '2025-03-11',
  ...over,
});
