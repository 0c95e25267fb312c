/**
 * Layouts main at e52c7d7 still read but no longer wrote, so its fixture lacks them, made by
 * hand from the fixture's own records (so the old API's answers about them still hold): the
 * fixture with one claim as written before evidence and its first event left the claim item
 * (entries inside `doc`, without ids; an EVENT item of seq 1), filed before open-claim guards
 * (its guard removed), with an older version's `IDEM#` item; every shipment item as written
 * before the `events` list (events and `watchDate` inside `doc`); desk sessions, one expired;
 * an expired `IDEM#` item.
 */
import type { Item } from '../../src/storage/dynamodb/codec';
import { expected, legacyItems } from './migrate-fixture';

/** The fixture's claim made old. */
export const OLD_CLAIM = 'clm_00000000000000000000000000000001';
export const OLD_KEY = { shopId: 'shop-beta#2', key: 'old-key', fingerprint: 'f'.repeat(64) };
export const SESSION = { keyId: '8820bf28ddd71d4c', live: 'live-session', expired: 'old-session' };
const pinnedSeconds = Date.parse(expected.pinnedClock) / 1000;

/** The old API's answer text for one request of the fixture. */
export function answerText(path: string): string {
  const answer = expected.answers.find((a) => a.path === path && a.method === 'GET');
  if (answer === undefined) throw new Error(`no answer for ${path}`);
  return answer.text ?? JSON.stringify(answer.body);
}

/**
 * What filing the claim answered: the claim as GET answers it, without the `customer` side
 * the GET adds (it never moved, so it is the same claim).
 */
export function firstAnswerOf(claimId: string): string {
  const { customer: _customer, ...claim } = JSON.parse(
    answerText(`/v1/claims/${claimId}`),
  ) as Record<string, unknown>;
  return JSON.stringify(claim);
}

/** @example olderLayoutItems().length */
export function olderLayoutItems(): Item[] {
  const all = legacyItems();
  const pk = (item: Item) => item.pk?.S ?? '';
  const old = (item: Item) => pk(item) === `CLAIM#${OLD_CLAIM}`;
  const guard = (item: Item) => pk(item).startsWith('OPEN#') && item.claimId?.S === OLD_CLAIM;
  const kept = all.filter((item) => !old(item) && !guard(item));
  return [
    ...kept.map((item) => (item.sk?.S === 'SHIPMENT' ? eventsInDoc(item) : item)),
    ...evidenceInDoc(all.filter(old)),
    {
      pk: { S: `IDEM#${encodeURIComponent(OLD_KEY.shopId)}#${OLD_KEY.key}` },
      sk: { S: 'IDEM' },
      entity: { S: 'IDEMPOTENCY' },
      shopId: { S: OLD_KEY.shopId },
      key: { S: OLD_KEY.key },
      claimId: { S: OLD_CLAIM },
      fingerprint: { S: OLD_KEY.fingerprint },
      response: { S: firstAnswerOf(OLD_CLAIM) },
      expiresAt: { N: String(pinnedSeconds + 3600) },
    },
    {
      pk: { S: 'IDEM#shop-alpha#gone' },
      sk: { S: 'IDEM' },
      entity: { S: 'IDEMPOTENCY' },
      shopId: { S: 'shop-alpha' },
      key: { S: 'gone' },
      claimId: { S: 'clm_gone' },
      fingerprint: { S: OLD_KEY.fingerprint },
      response: { S: '{}' },
      expiresAt: { N: String(pinnedSeconds - 1) },
    },
    session(SESSION.live, pinnedSeconds + 3600),
    session(SESSION.expired, pinnedSeconds - 1),
  ];
}

function session(sessionId: string, expiresAt: number): Item {
  return {
    pk: { S: `DESKKEY#${SESSION.keyId}` },
    sk: { S: `SESSION#${sessionId}` },
    entity: { S: 'DESKSESSION' },
    keyId: { S: SESSION.keyId },
    sessionId: { S: sessionId },
    createdAt: { S: '2026-11-20T09:00:00.000Z' },
    expiresAt: { N: String(expiresAt) },
  };
}

/** A claim partition as written before evidence and the first event left the claim item. */
function evidenceInDoc(partition: readonly Item[]): Item[] {
  const claim = partition.find((item) => item.sk?.S === 'CLAIM')!;
  const entries = partition
    .filter((item) => item.sk?.S?.startsWith('EVIDENCE#'))
    .map((item) => {
      const { id: _id, ...entry } = JSON.parse(item.doc?.S ?? '{}') as Record<string, unknown>;
      return entry;
    });
  const doc = JSON.parse(claim.doc?.S ?? '{}') as Record<string, unknown>;
  const { evidenceCount: _count, filedEvent, ...rest } = claim;
  const first: Item = {
    ...filedEvent?.M,
    pk: claim.pk!,
    sk: { S: 'EVENT#0000000001' },
    entity: { S: 'EVENT' },
  };
  const others = partition.filter((item) =>
    /^(EVENT#|NOTE#|MESSAGE#|REMEDY#)/.test(item.sk?.S ?? ''),
  );
  return [{ ...rest, doc: { S: JSON.stringify({ ...doc, evidence: entries }) } }, first, ...others];
}

/** A shipment item as written before its events left `doc`. */
function eventsInDoc(item: Item): Item {
  const {
    events,
    eventIds: _ids,
    onItsWay: _way,
    latestStatusMs: _latest,
    deliveryReported: _delivered,
    lateFrom: _late,
    shippedDate: _shipped,
    carrier: _carrier,
    currency: _currency,
    updatedAt,
    shipShopLatePk: _shopLate,
    shipLatePk: _late2,
    promiseSk,
    ...rest
  } = item;
  const doc = JSON.parse(item.doc?.S ?? '{}') as { facts: unknown; updatedAt: string };
  const watchDate = promiseSk?.S?.split('#')[0];
  const inDoc = {
    facts: doc.facts,
    events: (events?.L ?? []).map((event) => JSON.parse(event.S ?? '{}') as unknown),
    updatedAt: updatedAt?.S ?? doc.updatedAt,
    ...(watchDate === undefined ? {} : { watchDate }),
  };
  return { ...rest, doc: { S: JSON.stringify(inDoc) } };
}
