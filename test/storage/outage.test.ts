import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { startDynamoLocal, type DynamoLocal } from '../../scripts/dynamodb-local';
import { DynamoClaimRepository } from '../../src/storage/dynamodb';
import { StorageUnavailableError } from '../../src/storage/repository';
import { newClaim } from './helpers';

/** A DynamoDB Local of its own, persisted to disk, so it can be stopped and restarted. */
const dbPath = mkdtempSync(join(tmpdir(), 'claims-outage-'));
let db: DynamoLocal = await startDynamoLocal({ dbPath });
const client = clientFor({ endpoint: db.endpoint, region: 'eu-central-1', tableName: 'claims' });
await ensureTable(client, 'claims');
const claims = new DynamoClaimRepository({ client, tableName: 'claims' });

afterAll(async () => {
  await db.stop();
  client.destroy();
  rmSync(dbPath, { recursive: true, force: true });
});

describe('when DynamoDB goes away mid-run', () => {
  it('fails fast with StorageUnavailableError, writes nothing, then serves normally once back', async () => {
    const before = newClaim();
    await claims.create(before.claim, before.event);
    await db.stop();

    const during = newClaim();
    const started = performance.now();
    const failures = await Promise.all([
      claims.get(before.claim.id).catch((e: unknown) => e),
      claims.create(during.claim, during.event).catch((e: unknown) => e),
      claims.list({}, { limit: 10, caller: 'key-clerk' }).catch((e: unknown) => e),
      claims.history(before.claim.id).catch((e: unknown) => e),
    ]);
    for (const failure of failures) {
      expect(failure).toBeInstanceOf(StorageUnavailableError);
      expect(failure).toMatchObject({ reason: 'network', retryAfterSeconds: expect.any(Number) });
    }
    // Bounded, not timed: the point is that a dead database does not hang a request.
    expect(performance.now() - started).toBeLessThan(20_000);

    db = await startDynamoLocal({ dbPath, port: db.port });
    expect(await claims.get(before.claim.id)).toStrictEqual(before.claim);
    expect(await claims.history(before.claim.id)).toStrictEqual([before.event]);
    expect(await claims.get(during.claim.id)).toBeUndefined();
    expect(await claims.history(during.claim.id)).toEqual([]);
    await claims.create(during.claim, during.event);
    expect(
      (await claims.list({}, { limit: 10, caller: 'key-clerk' })).items.map((c) => c.id),
    ).toEqual([during.claim.id, before.claim.id]);
  }, 60_000);
});
