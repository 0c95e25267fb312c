/**
 * AuditRepository on DynamoDB (items: ./audit-items.ts). A chunk's rows, pointers and summary
 * go out in BatchWriteItem requests of 25 (what DynamoDB leaves unprocessed is sent again);
 * the head moves by UpdateItem, each conditional on the number of the chunk (or filing
 * message) it follows, so a duplicate message moves nothing. No transaction: a chunk's items
 * are idempotent puts, and the head's move is the one write that counts. Listings follow
 * LastEvaluatedKey; their cursors are sealed and bound to the caller and the listing.
 */
import {
  BatchWriteItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { open, seal, type SealContext } from '../../lib/sealed';
import type {
  AuditAdvance,
  AuditChunk,
  AuditFilingAdvance,
  AuditHead,
  AuditRepository,
  AuditRowFilter,
  StoredAuditRow,
} from '../audit-repository';
import { InvalidCursorError, StorageBusyError } from '../errors';
import type { Page, PageRequest } from '../repository';
import type { Item } from './codec';
import { conditionalWrite, guarded } from './errors';
import {
  AUDIT_SK,
  AUDIT_VIEW,
  auditHeadKey,
  auditPartition,
  auditRowKey,
  chunkItem,
  chunkOf,
  filedOwedNames,
  headItem,
  headOf,
  lineOfSort,
  rowItems,
  rowOf,
} from './audit-items';
import { claimsByWaybill } from './audit-claims';
import { keyText, queryAll, readItem, readItems } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { readView } from './views';

const BATCH_WRITE = 25;
const BATCH_ATTEMPTS = 8;
/** Batch writes of one chunk sent at once. */
const PARALLEL_WRITES = 4;
const CURSOR_PURPOSE = 'parcel-claims audit cursor v1';

/**
 * @example
 * const audits = new DynamoAuditRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoAuditRepository implements AuditRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  async create(head: AuditHead): Promise<AuditHead> {
    const put = new PutItemCommand({
      TableName: this.ctx.table,
      Item: headItem(head),
      // Ids are random: a taken one is a bug, never an overwrite.
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    if (!(await conditionalWrite(this.ctx.client.send(put))))
      throw new Error(`audit id ${head.id} is taken`);
    return head;
  }

  async get(auditId: string): Promise<AuditHead | undefined> {
    const item = await readItem(this.ctx.client, this.ctx.table, auditHeadKey(auditId));
    return item && headOf(item);
  }

  list(shopId: string, page: PageRequest): Promise<Page<AuditHead>> {
    const sealWith: SealContext = {
      secret: this.ctx.cursorSecret,
      purpose: CURSOR_PURPOSE,
      boundTo: JSON.stringify(['audits', page.caller, shopId]),
    };
    return readView(
      this.ctx.client,
      this.ctx.table,
      {
        view: 'audits:shop',
        partitions: [{ index: AUDIT_VIEW.index, pk: AUDIT_VIEW.shop(shopId) }],
        range: {},
        ascending: false,
        load: async (entries) => {
          const keys = entries.map((e) => ({ pk: { S: e.pk }, sk: { S: e.sk } }));
          const found = await readItems(this.ctx.client, this.ctx.table, keys);
          return keys.map((k) => {
            const item = found.get(keyText(k));
            return item && headOf(item);
          });
        },
      },
      { limit: page.limit, cursor: page.cursor, seal: sealWith },
    );
  }

  async writeChunk(auditId: string, rows: readonly StoredAuditRow[], chunk: AuditChunk) {
    const items = [
      ...(await Promise.all(rows.map((row) => rowItems(auditId, row)))).flat(),
      chunkItem(auditId, chunk),
    ];
    const batches: WriteRequest[][] = [];
    for (let i = 0; i < items.length; i += BATCH_WRITE) {
      batches.push(items.slice(i, i + BATCH_WRITE).map((Item) => ({ PutRequest: { Item } })));
    }
    for (let i = 0; i < batches.length; i += PARALLEL_WRITES) {
      await Promise.all(batches.slice(i, i + PARALLEL_WRITES).map((b) => this.writeBatch(b)));
    }
  }

  /** One BatchWriteItem, sent again with what DynamoDB left unprocessed (backing off). */
  private async writeBatch(requests: WriteRequest[]): Promise<void> {
    let pending = requests;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > BATCH_ATTEMPTS) throw new StorageBusyError('throttled', 1);
      if (attempt > 1) await new Promise((done) => setTimeout(done, 25 * 2 ** attempt));
      const answer = await guarded(
        this.ctx.client.send(
          new BatchWriteItemCommand({ RequestItems: { [this.ctx.table]: pending } }),
        ),
      );
      pending = answer.UnprocessedItems?.[this.ctx.table] ?? [];
    }
  }

  advance(auditId: string, seq: number, next: AuditAdvance): Promise<boolean> {
    const values: Item = {
      ':seq': { N: String(seq) },
      ':next': { N: String(seq + 1) },
      ':processing': { S: 'processing' },
      ':offset': { N: String(next.nextOffset) },
      ':line': { N: String(next.nextLine) },
      ':read': { N: String(next.rows.read) },
      ':audited': { N: String(next.rows.audited) },
      ':refused': { N: String(next.rows.refused) },
    };
    const sets = ['seq = :next', 'nextOffset = :offset', 'nextLine = :line'];
    const removes: string[] = [];
    if (next.skipping) {
      sets.push('skipping = :skipping');
      values[':skipping'] = { S: JSON.stringify(next.skipping) };
    } else removes.push('skipping');
    if (next.shape) {
      sets.push('shape = :shape');
      values[':shape'] = { S: JSON.stringify(next.shape) };
    }
    if (next.mapping) {
      sets.push('mapping = :mapping');
      values[':mapping'] = { S: JSON.stringify(next.mapping) };
    }
    if (next.completedAt !== undefined) {
      sets.push('#status = :completed', 'completedAt = :at');
      values[':completed'] = { S: 'completed' };
      values[':at'] = { S: next.completedAt };
    }
    return conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: auditHeadKey(auditId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')} ADD rowsRead :read, rowsAudited :audited, rowsRefused :refused`,
          // Only the delivery that read chunk `seq` first moves the head: a duplicate counts nothing.
          ConditionExpression: 'seq = :seq AND #status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  fail(auditId: string, seq: number, failure: { code: string; detail: string }, at: string) {
    return conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: auditHeadKey(auditId),
          UpdateExpression: 'SET #status = :failed, failure = :failure, completedAt = :at',
          ConditionExpression: 'seq = :seq AND #status = :processing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':failed': { S: 'failed' },
            ':failure': { S: JSON.stringify(failure) },
            ':at': { S: at },
            ':seq': { N: String(seq) },
            ':processing': { S: 'processing' },
          },
        }),
      ),
    );
  }

  async chunks(auditId: string): Promise<AuditChunk[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: auditPartition(auditId) },
        ':prefix': { S: AUDIT_SK.chunkPrefix },
      },
      ConsistentRead: true,
    });
    return items.map(chunkOf);
  }

  /** Up to `limit` sort keys under `prefix` after `after`, and whether more follow. */
  private async sortKeys(
    auditId: string,
    prefix: string,
    after: string | undefined,
    limit: number,
  ) {
    const keys: string[] = [];
    let start: Item | undefined =
      after === undefined ? undefined : { pk: { S: auditPartition(auditId) }, sk: { S: after } };
    // Follows LastEvaluatedKey until it has one more than asked for (or the prefix ends).
    do {
      const page = await guarded(
        this.ctx.client.send(
          new QueryCommand({
            TableName: this.ctx.table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: {
              ':pk': { S: auditPartition(auditId) },
              ':prefix': { S: prefix },
            },
            ProjectionExpression: 'sk',
            ExclusiveStartKey: start,
            Limit: limit + 1 - keys.length,
            ConsistentRead: true,
          }),
        ),
      );
      keys.push(...(page.Items ?? []).map((item) => item.sk?.S ?? ''));
      start = page.LastEvaluatedKey;
    } while (start !== undefined && keys.length <= limit);
    const more = keys.length > limit;
    return { keys: keys.slice(0, limit), more };
  }

  async rows(auditId: string, finding: AuditRowFilter, page: PageRequest) {
    const sealWith: SealContext = {
      secret: this.ctx.cursorSecret,
      purpose: CURSOR_PURPOSE,
      boundTo: JSON.stringify(['audit-rows', page.caller, auditId, finding ?? '']),
    };
    let after: string | undefined;
    if (page.cursor !== undefined) {
      after = await open(sealWith, page.cursor);
      if (after === undefined)
        throw new InvalidCursorError('The cursor is not one this listing handed out.');
    }
    const prefix = finding === undefined ? AUDIT_SK.rowPrefix : AUDIT_SK.findingPrefix(finding);
    const { keys, more } = await this.sortKeys(auditId, prefix, after, page.limit);
    const items = await this.rowsAt(auditId, keys.map(lineOfSort));
    const last = keys.at(-1);
    return {
      items,
      ...(more && last !== undefined ? { nextCursor: await seal(sealWith, last) } : {}),
    };
  }

  async rowsAt(auditId: string, lines: readonly number[]): Promise<StoredAuditRow[]> {
    const keys = lines.map((line) => auditRowKey(auditId, line));
    const found = await readItems(this.ctx.client, this.ctx.table, keys);
    const rows = await Promise.all(
      keys.map((k) => found.get(keyText(k))).flatMap((item) => (item ? [rowOf(item)] : [])),
    );
    return rows.sort((a, b) => a.result.line - b.result.line);
  }

  async owedLines(auditId: string, after: string | undefined, limit: number) {
    const { keys, more } = await this.sortKeys(auditId, AUDIT_SK.owedPrefix, after, limit);
    const last = keys.at(-1);
    return { lines: keys.map(lineOfSort), ...(more && last ? { cursor: last } : {}) };
  }

  markFiled(auditId: string, line: number, claimId: string, by: string): Promise<boolean> {
    return conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: auditRowKey(auditId, line),
          UpdateExpression: 'SET filedClaimId = :claim, filedBy = :by',
          // A row is marked once: the first claim filed for it stands.
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(filedClaimId)',
          ExpressionAttributeValues: { ':claim': { S: claimId }, ':by': { S: by } },
        }),
      ),
    );
  }

  async startFiling(auditId: string, request: { requested: number; lines?: number[] }) {
    const values: Item = {
      ':filing': { S: 'filing' },
      ':done': { S: 'done' },
      ':zero': { N: '0' },
      ':one': { N: '1' },
      ':requested': { N: String(request.requested) },
    };
    const sets = [
      'filingStatus = :filing',
      'filingRun = if_not_exists(filingRun, :zero) + :one',
      'filingSeq = :zero',
      'filingRequested = :requested',
      'filingFiled = :zero',
      'filingSkipped = :zero',
      'filingFailed = :zero',
    ];
    const removes = ['filingCursor'];
    if (request.lines === undefined) removes.push('filingLines');
    else {
      sets.push('filingLines = :lines');
      values[':lines'] = { S: JSON.stringify(request.lines) };
    }
    const started = await conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: auditHeadKey(auditId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
          // One run at a time: a second request while one is filing answers that run.
          ConditionExpression:
            'attribute_exists(pk) AND (attribute_not_exists(filingStatus) OR filingStatus = :done)',
          ExpressionAttributeValues: values,
        }),
      ),
    );
    const head = await this.get(auditId);
    if (!head) throw new Error(`audit ${auditId} is gone`);
    return { head, started };
  }

  advanceFiling(auditId: string, run: number, seq: number, next: AuditFilingAdvance) {
    const values: Item = {
      ':run': { N: String(run) },
      ':seq': { N: String(seq) },
      ':next': { N: String(seq + 1) },
      ':filing': { S: 'filing' },
      ':status': { S: next.done ? 'done' : 'filing' },
      ':filed': { N: String(next.filed) },
      ':skipped': { N: String(next.skipped) },
      ':failed': { N: String(next.failed) },
    };
    const names: Record<string, string> = {};
    const sets = [
      'filingSeq = :next',
      'filingStatus = :status',
      'filingFiled = filingFiled + :filed',
      'filingSkipped = filingSkipped + :skipped',
      'filingFailed = filingFailed + :failed',
      'filedRows = filedRows + :filed',
    ];
    Object.entries(next.filedAmounts).forEach(([currency, amount], i) => {
      names[`#c${i}`] = currency;
      values[`:a${i}`] = { N: amount };
      values[':zero'] = { N: '0' };
      sets.push(`filedAmounts.#c${i} = if_not_exists(filedAmounts.#c${i}, :zero) + :a${i}`);
    });
    // What the filed rows took off the owed totals: in the same conditional update, so once.
    const adds = next.filedOwed.flatMap((owed, i) => {
      const attribute = filedOwedNames(owed);
      names[`#oc${i}`] = attribute.count;
      names[`#oa${i}`] = attribute.amount;
      values[`:oc${i}`] = { N: String(owed.count) };
      values[`:oa${i}`] = { N: owed.amount };
      return [`#oc${i} :oc${i}`, `#oa${i} :oa${i}`];
    });
    if (next.cursor !== undefined) {
      sets.push('filingCursor = :cursor');
      values[':cursor'] = { S: next.cursor };
    }
    return conditionalWrite(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: auditHeadKey(auditId),
          UpdateExpression: `SET ${sets.join(', ')}${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
          // Only the first delivery of message `seq` of run `run` counts.
          ConditionExpression: 'filingRun = :run AND filingSeq = :seq AND filingStatus = :filing',
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
        }),
      ),
    );
  }

  claimsByWaybill(shopId: string, waybills: readonly string[]): Promise<Map<string, string>> {
    return claimsByWaybill(this.ctx, shopId, waybills);
  }
}
