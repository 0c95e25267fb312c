/**
 * The keys of issue 25's items (a file of their own beside ./keys.ts, whose conventions they
 * follow: user-supplied parts encoded with `part`).
 *
 * | item                              | pk                          | sk                         |
 * |-----------------------------------|-----------------------------|----------------------------|
 * | subject index entry               | SHOP#<s>#PD#<ref>           | REC#CLAIM#<id>, REC#ORDER#<id> |
 * | erasure running for the subject   | SHOP#<s>#PD#<ref>           | ERASING                    |
 * | destruction act (gsi1: the list)  | SHOP#<s>#PDE#<erasure id>   | ACT                        |
 * | a record it erased                | SHOP#<s>#PDE#<erasure id>   | REC#<kind>#<id>            |
 * | a line of its event-log extract   | SHOP#<s>#PDE#<erasure id>   | LOG#<at>#<n>#<action>      |
 * | retention entry (gsi5)            | a claim's / an order's pk   | RETAIN                     |
 *
 * `<ref>` is the subject's pseudonymous reference (an HMAC: it says nothing of the person).
 * The acts of a shop are listed on gsi1 (`SHOP#<s>#ERASURES` / `<startedAt>#<id>`); the
 * retention entries on gsi5, sharded by record (`RETAIN#<shard>` / `<due day>#<s>#<kind>#<id>`),
 * so the daily cron reads what is due from the oldest day on, without a scan.
 */
import type { SubjectRecord } from '../personal-data-repository';
import type { Item } from './codec';
import { claimPartition, orderKey, part, shardOf } from './keys';

const key = (pk: string, sk: string): Item => ({ pk: { S: pk }, sk: { S: sk } });

/** Shards of the retention entries (one Query per shard a tick). */
export const RETENTION_SHARDS = 4;

/** @example subjectPartition('s', '9c1f') // 'SHOP#s#PD#9c1f' */
export const subjectPartition = (shopId: string, ref: string) => `SHOP#${part(shopId)}#PD#${ref}`;
/** The sort key prefix of a subject's index entries. */
export const SUBJECT_RECORD_PREFIX = 'REC#';
const recordSort = (record: SubjectRecord) =>
  `${SUBJECT_RECORD_PREFIX}${record.kind === 'claim' ? 'CLAIM' : 'ORDER'}#${part(record.id)}`;
/** @example subjectRecordKey('s', 'ab', { kind: 'claim', id: 'clm_1' }).sk // { S: 'REC#CLAIM#clm_1' } */
export const subjectRecordKey = (shopId: string, ref: string, record: SubjectRecord): Item =>
  key(subjectPartition(shopId, ref), recordSort(record));
/** The subject's running erasure (held by one act at a time). */
export const erasingKey = (shopId: string, ref: string): Item =>
  key(subjectPartition(shopId, ref), 'ERASING');

/** @example actPartition('s', 'pde_1') // 'SHOP#s#PDE#pde_1' */
export const actPartition = (shopId: string, erasureId: string) =>
  `SHOP#${part(shopId)}#PDE#${part(erasureId)}`;
export const actKey = (shopId: string, erasureId: string): Item =>
  key(actPartition(shopId, erasureId), 'ACT');
/** A record the act erased, an item of its own (an act may erase many). */
export const actRecordKey = (shopId: string, erasureId: string, kind: string, id: string): Item =>
  key(actPartition(shopId, erasureId), `REC#${kind}#${part(id)}`);
/**
 * The `n`-th line (within the write that adds it) of the extract at `at`, by action: a line
 * written again by a re-run lands on itself, two writes' lines never on each other.
 */
export const actStepKey = (
  shopId: string,
  erasureId: string,
  step: { at: string; action: string },
  n: number,
): Item =>
  key(
    actPartition(shopId, erasureId),
    `LOG#${step.at}#${String(n).padStart(4, '0')}#${step.action}`,
  );
/** A shop's acts, newest first (gsi1). */
export const ERASURE_VIEW = {
  shop: (shopId: string) => `SHOP#${part(shopId)}#ERASURES`,
  sort: (startedAt: string, erasureId: string) => `${startedAt}#${erasureId}`,
  index: 'gsi1',
} as const;

/**
 * A record's retention entry: beside the record (the claim's partition, the order's).
 * @example retentionKey('s', { kind: 'claim', id: 'clm_1' }) // { pk: 'CLAIM#clm_1', sk: 'RETAIN' }
 */
export const retentionKey = (shopId: string, record: SubjectRecord): Item =>
  record.kind === 'claim'
    ? key(claimPartition(record.id), 'RETAIN')
    : { pk: orderKey(shopId, record.id).pk ?? { S: '' }, sk: { S: 'RETAIN' } };
/** Retention entries by due day (gsi5, sharded by record). */
export const RETENTION_VIEW = {
  clerk: (shard: number) => `RETAIN#${shard}`,
  sort: (dueDay: string, shopId: string, record: SubjectRecord) =>
    `${dueDay}#${part(shopId)}#${record.kind}#${part(record.id)}`,
  shardOf: (record: SubjectRecord) => shardOf(`${record.kind}:${record.id}`, RETENTION_SHARDS),
  index: 'gsi5',
} as const;

/**
 * The entry a retention index key names.
 * @example parseRetentionSort('2028-03-01#s#claim#clm_1') // { dueDay: '2028-03-01', shopId: 's', record: { kind: 'claim', id: 'clm_1' } }
 */
export function parseRetentionSort(
  sort: string,
): { dueDay: string; shopId: string; record: SubjectRecord } | undefined {
  const [dueDay, shop, kind, id] = sort.split('#');
  if (!dueDay || !shop || (kind !== 'claim' && kind !== 'order') || !id) return undefined;
  return {
    dueDay,
    shopId: decodeURIComponent(shop),
    record: { kind, id: decodeURIComponent(id) },
  };
}
