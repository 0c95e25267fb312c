/**
 * The items of an audit (issue 24), all in the audit's partition `AUDIT#<id>`: the head
 * (`HEAD`), one item per row (`ROW#<line>`, zero-padded so rows sort by line), a pointer per
 * finding of a row (`FIND#<finding>#<line>`: `rows?finding=` is a Query, not a filter over
 * every row), a pointer per row "file all" files (`OWED#<line>`), and one summary per chunk
 * (`CHUNK#<seq>`). The head carries the shop's listing entry (gsi1 `SHOP#<shop>#AUDITS`,
 * `<createdAt>#<id>`, KEYS_ONLY). Rows are JSON documents, deflated when large (`packDoc`).
 */
import Big from 'big.js';
import type { AuditFinding, MoneyFinding } from '../../domain/audit/types';
import type { AuditChunk, AuditFiledOwed, AuditHead, StoredAuditRow } from '../audit-repository';
import type { Item } from './codec';
import { indexKeys, part } from './keys';
import { packDoc, unpackDoc } from './shipment-items';

/** The partition of an audit: its head, rows, pointers and chunk summaries. */
export const auditPartition = (auditId: string): string => `AUDIT#${part(auditId)}`;
export const AUDIT_SK = {
  head: 'HEAD',
  rowPrefix: 'ROW#',
  findingPrefix: (finding: AuditFinding) => `FIND#${finding}#`,
  owedPrefix: 'OWED#',
  chunkPrefix: 'CHUNK#',
} as const;
/** A line or a chunk number, zero-padded to sort as a number. */
const padded = (n: number): string => String(n).padStart(10, '0');

const key = (auditId: string, sk: string): Item => ({
  pk: { S: auditPartition(auditId) },
  sk: { S: sk },
});
/** @example auditHeadKey('aud_1') // { pk: { S: 'AUDIT#aud_1' }, sk: { S: 'HEAD' } } */
export const auditHeadKey = (auditId: string): Item => key(auditId, AUDIT_SK.head);
/** @example auditRowKey('aud_1', 7).sk // { S: 'ROW#0000000007' } */
export const auditRowKey = (auditId: string, line: number): Item =>
  key(auditId, `${AUDIT_SK.rowPrefix}${padded(line)}`);
export const auditFindingKey = (auditId: string, finding: AuditFinding, line: number): Item =>
  key(auditId, `${AUDIT_SK.findingPrefix(finding)}${padded(line)}`);
export const auditOwedKey = (auditId: string, line: number): Item =>
  key(auditId, `${AUDIT_SK.owedPrefix}${padded(line)}`);
export const auditChunkKey = (auditId: string, seq: number): Item =>
  key(auditId, `${AUDIT_SK.chunkPrefix}${padded(seq)}`);

/** A shop's audits, newest first (gsi1, KEYS_ONLY): sort key `<createdAt>#<id>`. */
export const AUDIT_VIEW = {
  shop: (shopId: string) => `SHOP#${part(shopId)}#AUDITS`,
  index: 'gsi1',
} as const;

/** The line a row, pointer or owed item's sort key names. */
export const lineOfSort = (sk: string): number => Number(sk.slice(sk.lastIndexOf('#') + 1));

const FILED_OWED_PREFIX = 'filedOwed#';

/**
 * What filing took off the owed totals: two number attributes of the head per finding ×
 * carrier × currency, `filedOwed#<finding>#<carrier>#<currency>#count` and `…#amount`,
 * top-level so a message's update ADDs to them (ADD creates what is missing; a nested path
 * would need `if_not_exists` and blow the 4 KB expression limit at 50 totals a message).
 * @example filedOwedNames({ finding: 'late', carrier: 'cdek', currency: 'RUB' }).count // 'filedOwed#late#cdek#RUB#count'
 */
export function filedOwedNames(t: Pick<AuditFiledOwed, 'finding' | 'carrier' | 'currency'>) {
  const base = `${FILED_OWED_PREFIX}${t.finding}#${t.carrier}#${t.currency}#`;
  return { count: `${base}count`, amount: `${base}amount` };
}

/**
 * The head as first written: what never changes as a JSON document, the counters and the
 * reading's place as attributes the conditional updates move.
 * @example headItem(head).seq // { N: '0' }
 */
export function headItem(head: AuditHead): Item {
  const fixed = {
    options: head.options,
    objectKey: head.objectKey,
    bytesTotal: head.bytesTotal,
    createdAt: head.createdAt,
    ...(head.charset ? { charset: head.charset } : {}),
  };
  return {
    ...auditHeadKey(head.id),
    ...indexKeys(AUDIT_VIEW.index, AUDIT_VIEW.shop(head.shopId), `${head.createdAt}#${head.id}`),
    entity: { S: 'AUDIT' },
    id: { S: head.id },
    shopId: { S: head.shopId },
    status: { S: head.status },
    fixed: { S: JSON.stringify(fixed) },
    seq: { N: String(head.seq) },
    nextOffset: { N: String(head.nextOffset) },
    nextLine: { N: String(head.nextLine) },
    rowsRead: { N: String(head.rows.read) },
    rowsAudited: { N: String(head.rows.audited) },
    rowsRefused: { N: String(head.rows.refused) },
    filedRows: { N: '0' },
    filedAmounts: { M: {} },
  };
}

const num = (item: Item, name: string): number => Number(item[name]?.N ?? '0');
const json = <T>(item: Item, name: string): T | undefined => {
  const text = item[name]?.S;
  return text === undefined ? undefined : (JSON.parse(text) as T);
};

/** The head's `filedOwed` attributes, read back (carrier ids hold no `#`; the split allows one). */
function filedOwedOf(item: Item): AuditFiledOwed[] {
  return Object.entries(item).flatMap(([name, value]) => {
    if (!name.startsWith(FILED_OWED_PREFIX) || !name.endsWith('#count')) return [];
    const key = name.slice(FILED_OWED_PREFIX.length, -'#count'.length);
    const first = key.indexOf('#');
    const last = key.lastIndexOf('#');
    const owed = {
      finding: key.slice(0, first) as MoneyFinding,
      carrier: key.slice(first + 1, last),
      currency: key.slice(last + 1),
    };
    return [
      {
        ...owed,
        count: Number(value.N ?? '0'),
        amount: new Big(item[filedOwedNames(owed).amount]?.N ?? '0').toString(),
      },
    ];
  });
}

/** The filing run on a head item, if one was ever started. */
function filingOf(item: Item): AuditHead['filing'] {
  const status = item.filingStatus?.S;
  if (status !== 'filing' && status !== 'done') return undefined;
  const amounts = item.filedAmounts?.M ?? {};
  const lines = json<number[]>(item, 'filingLines');
  const cursor = item.filingCursor?.S;
  return {
    status,
    run: num(item, 'filingRun'),
    seq: num(item, 'filingSeq'),
    requested: num(item, 'filingRequested'),
    filed: num(item, 'filingFiled'),
    skipped: num(item, 'filingSkipped'),
    failed: num(item, 'filingFailed'),
    ...(lines === undefined ? {} : { lines }),
    ...(cursor === undefined ? {} : { cursor }),
    filedRows: num(item, 'filedRows'),
    // Decimal text, exact: DynamoDB keeps numbers to 38 digits.
    filedAmounts: Object.fromEntries(
      Object.entries(amounts).map(([c, v]) => [c, new Big(v.N ?? '0').toString()]),
    ),
    filedOwed: filedOwedOf(item),
  };
}

/** @example headOf(item).status // 'processing' */
export function headOf(item: Item): AuditHead {
  const fixed = json<
    Pick<AuditHead, 'options' | 'objectKey' | 'bytesTotal' | 'createdAt' | 'charset'>
  >(item, 'fixed')!;
  const failure = json<AuditHead['failure']>(item, 'failure');
  const shape = json<AuditHead['shape']>(item, 'shape');
  const mapping = json<AuditHead['mapping']>(item, 'mapping');
  const skipping = json<AuditHead['skipping']>(item, 'skipping');
  const completedAt = item.completedAt?.S;
  const filing = filingOf(item);
  return {
    id: item.id?.S ?? '',
    shopId: item.shopId?.S ?? '',
    status: (item.status?.S ?? 'processing') as AuditHead['status'],
    ...fixed,
    ...(completedAt === undefined ? {} : { completedAt }),
    ...(failure ? { failure } : {}),
    ...(shape ? { shape } : {}),
    ...(mapping ? { mapping } : {}),
    seq: num(item, 'seq'),
    nextOffset: num(item, 'nextOffset'),
    nextLine: num(item, 'nextLine'),
    ...(skipping ? { skipping } : {}),
    rows: {
      read: num(item, 'rowsRead'),
      audited: num(item, 'rowsAudited'),
      refused: num(item, 'rowsRefused'),
    },
    ...(filing ? { filing } : {}),
  };
}

/**
 * A row's items: the row, a pointer per finding (and `refused`), and `OWED` when "file all"
 * files it. The same row always makes the same keys (a chunk written again overwrites them).
 */
export async function rowItems(auditId: string, stored: StoredAuditRow): Promise<Item[]> {
  const { line } = stored.result;
  const doc = { result: stored.result, row: stored.row, fileable: stored.fileable };
  const findings = new Set<AuditFinding>(stored.result.findings.map((f) => f.kind));
  if (stored.result.problems !== undefined) findings.add('refused');
  return [
    {
      ...auditRowKey(auditId, line),
      line: { N: String(line) },
      ...(await packDoc(JSON.stringify(doc))),
    },
    ...[...findings].map((f) => auditFindingKey(auditId, f, line)),
    ...(stored.fileable ? [auditOwedKey(auditId, line)] : []),
  ];
}

/** @example (await rowOf(item)).result.line // 7 */
export async function rowOf(item: Item): Promise<StoredAuditRow> {
  const doc = JSON.parse(await unpackDoc(item)) as StoredAuditRow;
  const filedClaimId = item.filedClaimId?.S;
  const filedBy = item.filedBy?.S;
  return {
    result: doc.result,
    ...(doc.row ? { row: doc.row } : {}),
    ...(doc.fileable ? { fileable: doc.fileable } : {}),
    ...(filedClaimId === undefined ? {} : { filedClaimId }),
    ...(filedBy === undefined ? {} : { filedBy }),
  };
}

/** A chunk's summary item. */
export const chunkItem = (auditId: string, chunk: AuditChunk): Item => ({
  ...auditChunkKey(auditId, chunk.seq),
  doc: { S: JSON.stringify(chunk) },
});
export const chunkOf = (item: Item): AuditChunk => JSON.parse(item.doc?.S ?? '{}') as AuditChunk;
