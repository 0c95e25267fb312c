/**
 * Replaying the old API's answers (test/fixtures/legacy-e52c7d7/expected.json) on the new
 * application over a migrated table, and the differences the new model legitimately makes.
 */
import { expect } from 'vitest';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createApp } from '../../src/app';
import { inlineFeed } from '../../src/services/claim-changes';
import {
  CLERK_NAME_FOR_SHOPS,
  CLERK_REFERENCE_PURPOSE,
  LOCAL_REFERENCE_SECRET,
} from '../../src/services/clerk-view';
import { keyedReference } from '../../src/lib/reference';
import { storageOn } from '../../src/storage/dynamodb';
import { TEST_VIEW_SHARDS } from './helpers';
import { expected, type Answer } from './migrate-fixture';

/** The fixture's clock: the old answers' and the migration's. */
export const PINNED = new Date(expected.pinnedClock);

/**
 * The new app on a migrated table, at the pinned clock, deriving figures before it answers.
 * @example const { app, storage } = appOn(client, 'migrated');
 */
export function appOn(client: DynamoDBClient, tableName: string) {
  const storage = storageOn(client, { tableName, viewShards: TEST_VIEW_SHARDS });
  const clock = () => PINNED;
  let n = 0;
  const app = createApp(
    {
      clock,
      maxBodyBytes: 65_536,
      storage,
      newId: () => `clm_new${String(++n).padStart(29, '0')}`,
      changes: inlineFeed({ storage, clock }),
    },
    { log: () => undefined },
  );
  return { app, storage };
}

const bearer = new Map(expected.apiKeys.map((k) => [k.name, k.key]));

/**
 * The request the fixture's generator sent for answer `i` (its x-request-id included).
 * @example const { res, text } = await replay(app, expected.answers[0]!, 0);
 */
export async function replay(app: ReturnType<typeof appOn>['app'], answer: Answer, i: number) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${bearer.get(answer.keyName) ?? ''}`,
    'x-request-id': `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    ...answer.requestHeaders,
  };
  const init: RequestInit = { method: answer.method, headers };
  if (answer.requestBody !== undefined) {
    init.body = JSON.stringify(answer.requestBody);
    headers['content-type'] = 'application/json';
  }
  const res = await app.request(`http://api.test${answer.path}`, init);
  return { res, text: await res.text() };
}

/** The fixture's clerks: their key ids, desk names, and the references a shop now reads. */
const referenceOf = keyedReference(LOCAL_REFERENCE_SECRET, CLERK_REFERENCE_PURPOSE);
const clerks = new Map<string, { keyId: string; name: string | undefined }>(
  await Promise.all(
    (expected.apiKeys as { keyId?: string; role?: string; displayName?: string }[])
      .filter((k) => k.role === 'clerk' && k.keyId !== undefined)
      .map(
        async (k) =>
          [
            `clerk_${await referenceOf(k.keyId!)}`,
            { keyId: k.keyId!, name: k.displayName },
          ] as const,
      ),
  ),
);

/** A shop's answer with each clerk named as the old API named it (key id, desk name). */
function withClerkIds(value: unknown): unknown {
  if (typeof value === 'string') {
    const clerk = clerks.get(value);
    return clerk === undefined ? value : `clerk:${clerk.keyId}`;
  }
  if (Array.isArray(value)) return value.map(withClerkIds);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const assignee = typeof record.id === 'string' ? clerks.get(record.id) : undefined;
  if (assignee !== undefined && record.name === CLERK_NAME_FOR_SHOPS) {
    return { ...record, id: assignee.keyId, name: assignee.name ?? assignee.keyId };
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, withClerkIds(v)]));
}

/**
 * The differences the new model legitimately makes, each with its reason. Applied to the new
 * answer only where it applies; everything else must be equal as it is.
 */
export const DIFFERENCES: {
  what: string;
  why: string;
  applies: (answer: Answer) => boolean;
  normalise: (body: Record<string, unknown>) => Record<string, unknown>;
}[] = [
  {
    what: '`asOf` in the status counts and analytics answers (absent in the old ones)',
    why:
      'issue 18 takes the figures off the request path: they are derived after each change and ' +
      'say as of when. After the migration that is its rebuild, at its clock (the pinned one).',
    applies: (answer) => /^\/v1\/(claim-counts|analytics\/)/.test(answer.path),
    normalise: ({ asOf, ...rest }) => {
      expect(asOf).toBe(PINNED.toISOString());
      return rest;
    },
  },
  {
    what: 'a clerk as a shop key reads it: `clerk_<reference>` and "a clerk", not the key id and name',
    why:
      "issue 19 (item 8): a clerk's key id is the first half of its API key, so a shop reads a " +
      'stable, meaningless reference instead (src/services/clerk-view.ts); a clerk key still reads the ids.',
    applies: (answer) => answer.keyName.startsWith('shop'),
    normalise: (body) => withClerkIds(body) as Record<string, unknown>,
  },
  {
    what: 'the late listing names the claim filed from each shipment (`claim`, new and last)',
    why:
      'issue 21: a shipment whose claim is filed, paid or rejected no longer looks untouched; ' +
      'the link is derived by the consumer (after the migration: its rebuild). Older fields are unchanged.',
    applies: (answer) => answer.path.startsWith('/v1/shipments?late=true'),
    normalise: (body) => ({
      ...body,
      items: (body.items as Record<string, unknown>[]).map(({ claim, ...item }) => {
        if (claim !== undefined) expect(claim).toMatchObject({ id: expect.any(String) });
        return item;
      }),
    }),
  },
  {
    what: "the shop's profile says how long customers' personal data is kept (`personalData`, new and last)",
    why:
      "issue 25: the retention period is the shop's; a profile stored before it has none and " +
      'answers the default (`isDefault: true`). Older fields are unchanged.',
    applies: (answer) => /^\/v1\/shop(\?|$)/.test(answer.path),
    normalise: ({ personalData, ...rest }) => {
      expect(personalData).toEqual({ retainDays: 1095, isDefault: true });
      return rest;
    },
  },
];

/**
 * The new answer with the differences that apply to it taken out, as text (key order kept).
 * @example expect(normalised(answer, text)).toBe(JSON.stringify(answer.body));
 */
export function normalised(answer: Answer, text: string): string {
  const applying = DIFFERENCES.filter((d) => d.applies(answer));
  if (applying.length === 0) return text;
  const body = JSON.parse(text) as Record<string, unknown>;
  return JSON.stringify(applying.reduce((b, d) => d.normalise(b), body));
}

/**
 * Where two texts first differ, with some text around it (the diff of a long line is cut).
 * @example where('abc', 'abd') // 'first difference at 2: …abc…'
 */
export function where(got: string, want: string): string {
  let at = 0;
  while (at < got.length && got[at] === want[at]) at++;
  return `first difference at ${at}: …${got.slice(Math.max(0, at - 80), at + 80)}…`;
}
