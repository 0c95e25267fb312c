/**
 * `npm run migrate` on DynamoDB Local: the fixture table written by main at e52c7d7 (18
 * indexes, a claim in one item, shipments' events inside their item, derived counters in the
 * request's transaction) is migrated into a new table, and the NEW application answers every
 * request the old one answered (expected.json), with the migration's clock pinned to the
 * fixture's. Where the new model legitimately answers otherwise, only that is normalised
 * (DIFFERENCES in ./migrate-replay.ts says what and why).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, migrateTable, type MigrationReport } from '../../scripts/migrate';
import { TEST_VIEW_SHARDS } from './helpers';
import { createLegacyTable, expected, legacyItems, scanText, testClient } from './migrate-fixture';
import { appOn, normalised, PINNED, replay, where } from './migrate-replay';

describe.sequential('npm run migrate: the e52c7d7 fixture into the new model', () => {
  const { client, ydb } = testClient();
  let from: string;
  const to = `migrated-${crypto.randomUUID()}`;
  let report: MigrationReport;
  let app: ReturnType<typeof appOn>['app'];
  const before = new Map<string, string[]>();

  beforeAll(async () => {
    from = await createLegacyTable(client, legacyItems());
    before.set('source', await scanText(client, from));
    report = await migrateTable(client, {
      from,
      to,
      now: PINNED,
      viewShards: TEST_VIEW_SHARDS,
      target: ydb ? 'ydb' : 'dynamodb',
      // Pages of 7 items: partitions (a claim's, a shipment's) run across page boundaries.
      scanPageLimit: 7,
    });
    app = appOn(client, to).app;
  }, 60_000);
  afterAll(() => client.destroy());

  it('reports what it read, wrote and left out', () => {
    // The fixture README's "items per entity", every one read.
    expect(report.read).toEqual({
      '(no entity: COUNTS# items)': 3,
      AGG: 21,
      APIKEY: 5,
      APIKEYHASH: 5,
      CLAIM: 12,
      EVENT: 24,
      EVIDENCE: 15,
      MESSAGE_SENT: 13,
      NOTE: 4,
      OPEN_CLAIM: 8,
      ORDER: 4,
      REMEDY: 6,
      SHIPMENT: 9,
      SHOP: 2,
    });
    expect(report.written).toEqual({
      CLAIM_HEAD: 12,
      CLAIM_BODY: 12,
      // 15 entries, 13 of them given at filing (inline in the bodies).
      EVIDENCE: 2,
      LOG: 24,
      MESSAGE_SENT: 10,
      NOTE: 4,
      REMEDY: 6,
      OPEN_CLAIM: 8,
      // The four keys still in their window at the pinned clock.
      IDEMPOTENCY: 4,
      APIKEY: 5,
      APIKEYHASH: 5,
      SHOP: 2,
      ORDER: 4,
      SHIPMENT_HEAD: 9,
      SHIPMENT_FACTS: 9,
      SHIPMENT_EVENT: 29,
      SHIPMENT_MESSAGE: 2,
    });
    expect(report.claims).toEqual({
      migrated: 12,
      bodiesFromFirstAnswer: 4,
      keyRecords: 4,
      guardsAdded: 0,
    });
    // Every claim's tally, counters, search items and ACKDUE written by the rebuild; the
    // counters it made add up to the tallies.
    expect(report.rebuild).toEqual({
      claims: 12,
      reconciled: 12,
      failed: [],
      countersCorrected: 0,
    });
    expect(report.skipped).toEqual({
      derived: { count: 24, examples: expect.any(Array) as unknown },
      orphanMessage: { count: 1, examples: ['SHOP#shop-alpha#SHIPMENT#S-300-2 MESSAGE#delay'] },
    });
    expect(report.warnings).toEqual([]);
    // Each partition came in one run of the Scan, across its pages.
    expect(report.partitionsReread).toBe(0);
    expect(formatReport(report)).toContain('1 × message of a shipment its order no longer lists');
  });

  it.each(expected.answers.map((answer, i) => [i, answer] as const))(
    'answer %i: %o',
    async (i, answer) => {
      const { res, text } = await replay(app, answer, i);
      expect(res.status, text).toBe(answer.status);
      expect(res.headers.get('etag') ?? undefined).toBe(answer.etag);
      expect(res.headers.get('idempotent-replayed') ?? undefined).toBe(answer.idempotentReplayed);
      // Byte for byte, key order included (claims above all: their text is their ETag's).
      const want = answer.text ?? JSON.stringify(answer.body);
      const got = normalised(answer, text);
      expect(JSON.parse(got)).toEqual(answer.body);
      expect(got, where(got, want)).toBe(want);
    },
  );

  it('refuses a source of the new layout, and a target that is not', async () => {
    const options = { now: PINNED, viewShards: TEST_VIEW_SHARDS };
    const other = `unused-${crypto.randomUUID()}`;
    await expect(migrateTable(client, { ...options, from: to, to: other })).rejects.toThrow(
      /already in the new layout/,
    );
    const old = await createLegacyTable(client, []);
    await expect(migrateTable(client, { ...options, from, to: old })).rejects.toThrow(
      /not of the new layout/,
    );
  });

  it('leaves the source as it was', async () => {
    expect(await scanText(client, from)).toEqual(before.get('source'));
  });

  it('changes nothing when run again (its Scan in pages of any size)', async () => {
    const first = await scanText(client, to);
    const again = await migrateTable(client, {
      from,
      to,
      now: PINNED,
      viewShards: TEST_VIEW_SHARDS,
      target: ydb ? 'ydb' : 'dynamodb',
    });
    expect(await scanText(client, to)).toEqual(first);
    expect(again.written).toEqual(report.written);
    expect(again.rebuild).toEqual({ claims: 12, reconciled: 0, failed: [], countersCorrected: 0 });
  }, 60_000);
});
