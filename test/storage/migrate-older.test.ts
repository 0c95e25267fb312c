/**
 * `npm run migrate` on layouts older than the fixture's (./migrate-older-layouts.ts): migrated,
 * they read as the old API answered them, and an older version's idempotency record replays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateTable, type MigrationReport } from '../../scripts/migrate';
import { newClaim, TEST_VIEW_SHARDS } from './helpers';
import { createLegacyTable, expected, testClient } from './migrate-fixture';
import {
  firstAnswerOf,
  OLD_CLAIM,
  OLD_KEY,
  olderLayoutItems,
  SESSION,
} from './migrate-older-layouts';
import { appOn, normalised, PINNED, replay, where } from './migrate-replay';

describe.sequential('npm run migrate: layouts older than the fixture', () => {
  const { client, ydb } = testClient();
  const to = `migrated-older-${crypto.randomUUID()}`;
  let report: MigrationReport;
  let migrated: ReturnType<typeof appOn>;

  beforeAll(async () => {
    const from = await createLegacyTable(client, olderLayoutItems());
    report = await migrateTable(client, {
      from,
      to,
      now: PINNED,
      viewShards: TEST_VIEW_SHARDS,
      target: ydb ? 'ydb' : 'dynamodb',
    });
    migrated = appOn(client, to);
  }, 60_000);
  afterAll(() => client.destroy());

  it('migrates them, the old key record and first answer included', () => {
    expect(report.claims).toEqual({
      migrated: 12,
      bodiesFromFirstAnswer: 5,
      keyRecords: 5,
      // Filed before guards existed: it gets the one filing would have written.
      guardsAdded: 1,
    });
    expect(report.rebuild).toMatchObject({ claims: 12, reconciled: 12, failed: [] });
    expect(Object.keys(report.skipped).sort()).toEqual([
      'derived',
      'expiredKey',
      'expiredSession',
      'orphanMessage',
    ]);
    expect(report.skipped).toMatchObject({
      expiredKey: { count: 1 },
      expiredSession: { count: 1 },
    });
    // The fixture's four live keys and the older version's; its 8 guards and the one added.
    expect(report.written).toMatchObject({ DESKSESSION: 1, IDEMPOTENCY: 5, OPEN_CLAIM: 8 });
    expect(report.warnings).toEqual([]);
  });

  it('answers every request of the fixture as the old API did', async () => {
    for (const [i, answer] of expected.answers.entries()) {
      const { res, text } = await replay(migrated.app, answer, i);
      expect(res.status, answer.path).toBe(answer.status);
      const want = answer.text ?? JSON.stringify(answer.body);
      const got = normalised(answer, text);
      expect(got, `${answer.keyName} ${answer.path}: ${where(got, want)}`).toBe(want);
    }
  }, 60_000);

  it("replays the older version's key: the new code finds it by its record", async () => {
    const { claim, event } = newClaim({ shopId: OLD_KEY.shopId, createdAt: PINNED.toISOString() });
    const nowSeconds = PINNED.getTime() / 1000;
    const result = await migrated.storage.claims.create(claim, event, {
      idempotency: { ...OLD_KEY, expiresAt: nowSeconds + 60, nowSeconds },
    });
    expect(result).toEqual({
      created: false,
      taken: 'key',
      stored: {
        claimId: OLD_CLAIM,
        fingerprint: OLD_KEY.fingerprint,
        expiresAt: nowSeconds + 3600,
        response: firstAnswerOf(OLD_CLAIM),
      },
    });
  });

  it('guards the open claim filed before guards, and keeps the live desk session', async () => {
    const { claim, event } = newClaim({ shopId: OLD_KEY.shopId, type: 'late' });
    const refused = await migrated.storage.claims.create(claim, event, {
      openClaim: 'waybill:RP80011122233',
    });
    expect(refused).toEqual({ created: false, taken: 'open-claim', existingClaimId: OLD_CLAIM });
    const nowSeconds = PINNED.getTime() / 1000;
    const { keyId, live, expired } = SESSION;
    expect(await migrated.storage.deskSessions.get(keyId, live, nowSeconds)).toBeDefined();
    expect(await migrated.storage.deskSessions.get(keyId, expired, nowSeconds)).toBeUndefined();
  });
});
