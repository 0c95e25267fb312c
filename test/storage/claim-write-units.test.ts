import { describe, expect, it } from 'vitest';
import { transition } from '../../src/domain/claim';
import { DynamoClaimRepository } from '../../src/storage/dynamodb/claim-repository';
import { meterWrites } from '../../scripts/bench/capacity';
import { at, freshTable, newClaim, TEST_VIEW_SHARDS } from './helpers';

const { client, tableName } = await freshTable();
const meter = meterWrites(client);
const claims = new DynamoClaimRepository({ client, tableName, viewShards: TEST_VIEW_SHARDS });
const clerk = { role: 'clerk', id: 'clerk-1' } as const;

describe('what claim writes cost, in write units as DynamoDB reports them', () => {
  it('files a claim with an Idempotency-Key and one evidence entry for at most 24', async () => {
    const { claim, event } = newClaim();
    expect(claim.evidence).toHaveLength(1);
    meter.take();
    await claims.create(claim, event, {
      idempotency: { key: 'k-units', fingerprint: 'f'.repeat(64), expiresAt: 2e9, nowSeconds: 1e9 },
      openClaim: `waybill:${claim.waybill}`,
    });
    const units = meter.take();
    console.log('filing', JSON.stringify(units));
    expect(units.total).toBeLessThanOrEqual(24);
  });

  it('moves a claim into review for at most 12', async () => {
    const { claim, event } = newClaim();
    await claims.create(claim, event, { openClaim: `waybill:${claim.waybill}` });
    const review = transition(claim, 'in_review', { at: at(100), by: clerk });
    meter.take();
    await claims.update(claim, review.claim, review.event);
    const units = meter.take();
    console.log('review', JSON.stringify(units));
    expect(units.total).toBeLessThanOrEqual(12);
  });
});
