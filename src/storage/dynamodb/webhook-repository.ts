/**
 * WebhookRepository on DynamoDB (keys: ./webhook-keys.ts). Records are kept as JSON in
 * `doc`, with the attributes the write conditions and filters read beside it (`version`,
 * `status`, `series`). An event's body is stored compressed (./compress.ts): it holds a
 * claim as the API returns it, which may be large.
 */
import {
  DeleteItemCommand,
  PutItemCommand,
  QueryCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { OutboundEvent } from '../../webhooks/types';
import type {
  AttemptOutcome,
  DeliveryWithAttempts,
  EventWrite,
  Page,
  WebhookAttempt,
  WebhookDeliveryRecord,
  WebhookEndpointRecord,
  WebhookNotice,
  WebhookRepository,
} from '../webhook-repository';
import type { Item } from './codec';
import { deflate, inflate } from './compress';
import { errorName, guarded, toStorageError } from './errors';
import { keyText, queryAll, readItem, readItems } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { MAX_TRANSACTION_ITEMS, transact } from './transact';
import { StorageTooLargeError } from '../errors';
import { openCursor, sealCursor } from './webhook-cursor';
import * as k from './webhook-keys';
import { parseDeliveryId } from '../../webhooks/ids';

const docOf = <T>(item: Item | undefined): T | undefined =>
  item?.doc?.S === undefined ? undefined : (JSON.parse(item.doc.S) as T);
const epoch = (iso: string) => Math.floor(Date.parse(iso) / 1000);
/**
 * Bytes of compressed body an item holds: a claim as the API returns it may be larger than
 * one item takes (400 KB), so a body is split over the event item and parts beside it.
 */
export const EVENT_CHUNK_BYTES = 350_000;
const chunks = (bytes: Uint8Array): Uint8Array[] => {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength || at === 0; at += EVENT_CHUNK_BYTES) {
    out.push(bytes.subarray(at, at + EVENT_CHUNK_BYTES));
  }
  return out;
};

/** A due marker's document: which delivery, and the marker's own instant. */
interface DueMarker {
  shopId: string;
  id: string;
  at: string;
}

/** Notices stay 30 days. */
const NOTICE_SECONDS = 30 * 86_400;

/**
 * @example
 * const webhooks = new DynamoWebhookRepository({ client, tableName: 'parcel-claims' });
 */
export class DynamoWebhookRepository implements WebhookRepository {
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  private endpointItem(e: WebhookEndpointRecord): Item {
    return {
      ...k.endpointKey(e.shopId, e.id),
      entity: { S: 'WEBHOOK_ENDPOINT' },
      version: { N: String(e.version) },
      doc: { S: JSON.stringify(e) },
    };
  }

  async createEndpoint(endpoint: WebhookEndpointRecord, max: number): Promise<boolean> {
    const outcome = await transact(this.ctx.client, [
      {
        // The shop's count of endpoints, below the cap: concurrent creations cannot pass it.
        Update: {
          TableName: this.ctx.table,
          Key: k.endpointCountKey(endpoint.shopId),
          UpdateExpression: 'SET #n = if_not_exists(#n, :zero) + :one, #entity = :entity',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'n', '#entity': 'entity' },
          ExpressionAttributeValues: {
            ':zero': { N: '0' },
            ':one': { N: '1' },
            ':max': { N: String(max) },
            ':entity': { S: 'WEBHOOK_COUNT' },
          },
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: this.endpointItem(endpoint),
          ConditionExpression: 'attribute_not_exists(pk)', // a new, random id
        },
      },
    ]);
    return outcome.committed;
  }

  async getEndpoint(shopId: string, endpointId: string) {
    const item = await readItem(this.ctx.client, this.ctx.table, k.endpointKey(shopId, endpointId));
    return docOf<WebhookEndpointRecord>(item);
  }

  async listEndpoints(shopId: string): Promise<WebhookEndpointRecord[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :ep)',
      ExpressionAttributeValues: { ':pk': { S: k.endpointPartition(shopId) }, ':ep': { S: 'EP#' } },
      ConsistentRead: true,
    });
    return items.flatMap((item) => docOf<WebhookEndpointRecord>(item) ?? []);
  }

  async putEndpoint(next: WebhookEndpointRecord): Promise<boolean> {
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: this.endpointItem(next),
          // Over the version read only: two writers never both win, a deleted one stays deleted.
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': { N: String(next.version - 1) } },
        }),
      );
      return true;
    } catch (error) {
      if (errorName(error) === 'ConditionalCheckFailedException') return false;
      throw toStorageError(error, { write: true });
    }
  }

  async deleteEndpoint(shopId: string, endpointId: string): Promise<boolean> {
    const outcome = await transact(this.ctx.client, [
      {
        Delete: {
          TableName: this.ctx.table,
          Key: k.endpointKey(shopId, endpointId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      {
        Update: {
          TableName: this.ctx.table,
          Key: k.endpointCountKey(shopId),
          UpdateExpression: 'SET #n = #n - :one',
          ConditionExpression: '#n > :zero',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' } },
        },
      },
    ]);
    return outcome.committed;
  }

  async recordEvent(write: EventWrite): Promise<boolean> {
    const { event, expiresAt } = write;
    const ttl = { expiresAt: { N: String(expiresAt) } };
    const sk = k.eventSort(event.timestamp, event.id);
    const { data: _data, ...head } = event;
    const [first = new Uint8Array(), ...rest] = chunks(await deflate(write.body));
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            ...k.eventGuardKey(event.shopId, event.id),
            entity: { S: 'WEBHOOK_EVENT_ID' },
            at: { S: sk },
            ...ttl,
          },
          // Once per event id: a second announcement of the same change writes nothing.
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            ...k.eventKey(event.shopId, event.timestamp, event.id),
            entity: { S: 'WEBHOOK_EVENT' },
            head: { S: JSON.stringify(head) },
            body: { B: first },
            parts: { N: String(rest.length) },
            ...ttl,
          },
        },
      },
      ...rest.map((chunk, i): TransactWriteItem => ({
        Put: {
          TableName: this.ctx.table,
          Item: { ...k.eventPartKey(event.shopId, event.id, i + 1), body: { B: chunk }, ...ttl },
        },
      })),
    ];
    for (const delivery of write.deliveries) {
      items.push({
        Put: { TableName: this.ctx.table, Item: { ...this.deliveryItem(delivery), ...ttl } },
      });
      items.push({
        Put: {
          TableName: this.ctx.table,
          Item: this.dueItem(delivery, delivery.markedAt, expiresAt),
        },
      });
    }
    // A body past what its items and the deliveries leave of one transaction: too large.
    if (items.length > MAX_TRANSACTION_ITEMS) throw new StorageTooLargeError('transaction');
    const outcome = await transact(this.ctx.client, items);
    if (outcome.committed) return true;
    // Refused: announced before (or, after an SDK retry, by this very call: the same event).
    return false;
  }

  private deliveryItem(d: WebhookDeliveryRecord): Item {
    return {
      ...k.deliveryKey(d.shopId, d.endpointId, d.eventTimestamp, d.eventId),
      entity: { S: 'WEBHOOK_DELIVERY' },
      status: { S: d.status },
      series: { N: String(d.series) },
      doc: { S: JSON.stringify(d) },
    };
  }

  private dueItem(d: WebhookDeliveryRecord, dueAt: string, expiresAt: number): Item {
    return {
      ...k.dueKey(d, dueAt),
      entity: { S: 'WEBHOOK_DUE' },
      doc: { S: JSON.stringify({ shopId: d.shopId, id: d.id, at: dueAt }) },
      expiresAt: { N: String(expiresAt) },
    };
  }

  async eventBody(shopId: string, eventId: string): Promise<string | undefined> {
    const guard = await readItem(this.ctx.client, this.ctx.table, k.eventGuardKey(shopId, eventId));
    const sk = guard?.at?.S;
    if (sk === undefined) return undefined;
    const item = await readItem(this.ctx.client, this.ctx.table, {
      pk: { S: k.eventPartition(shopId) },
      sk: { S: sk },
    });
    return item === undefined ? undefined : this.bodyOf(shopId, eventId, item);
  }

  /** An event item's body, its parts read and joined, inflated. */
  private async bodyOf(shopId: string, eventId: string, item: Item): Promise<string> {
    const first = item.body?.B ?? new Uint8Array();
    const parts = Number(item.parts?.N ?? '0');
    if (parts === 0) return inflate(first);
    const keys = Array.from({ length: parts }, (_, i) => k.eventPartKey(shopId, eventId, i + 1));
    const found = await readItems(this.ctx.client, this.ctx.table, keys);
    const chunks = [
      first,
      ...keys.map((key) => found.get(keyText(key))?.body?.B ?? new Uint8Array()),
    ];
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const chunk of chunks) {
      joined.set(chunk, at);
      at += chunk.byteLength;
    }
    return inflate(joined);
  }

  async listEvents(shopId: string, since: string, page: { limit: number; cursor?: string }) {
    const bound = `events ${shopId} ${since}`;
    const start = await openCursor(this.ctx.cursorSecret, bound, page.cursor);
    const answer = await guarded(
      this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          KeyConditionExpression: 'pk = :pk AND sk >= :since',
          ExpressionAttributeValues: {
            ':pk': { S: k.eventPartition(shopId) },
            ':since': { S: since },
          },
          Limit: page.limit,
          ExclusiveStartKey: start,
        }),
      ),
    );
    const items: OutboundEvent[] = [];
    for (const item of answer.Items ?? []) {
      const head = JSON.parse(item.head?.S ?? '{}') as Omit<OutboundEvent, 'data'>;
      const body = await this.bodyOf(shopId, head.id, item);
      items.push({ ...head, data: (JSON.parse(body) as { data: unknown }).data });
    }
    const cursor = await sealCursor(this.ctx.cursorSecret, bound, answer.LastEvaluatedKey);
    return cursor === undefined ? { items } : { items, cursor };
  }

  async getDelivery(shopId: string, id: string): Promise<WebhookDeliveryRecord | undefined> {
    const parsed = parseDeliveryId(id);
    if (!parsed) return undefined;
    const at = new Date(parsed.eventMs).toISOString();
    const key = k.deliveryKey(shopId, parsed.endpointId, at, parsed.eventId);
    return docOf<WebhookDeliveryRecord>(await readItem(this.ctx.client, this.ctx.table, key));
  }

  async markQueued(deliveries: readonly WebhookDeliveryRecord[]): Promise<void> {
    // The due markers go: the queue has each delivery now, and retries it itself.
    await Promise.all(
      deliveries.map((d) =>
        guarded(
          this.ctx.client.send(
            new DeleteItemCommand({
              TableName: this.ctx.table,
              Key: k.dueKey(d, d.markedAt),
            }),
          ),
        ),
      ),
    );
  }

  async recordAttempt(d: WebhookDeliveryRecord, outcome: AttemptOutcome): Promise<boolean> {
    const next: WebhookDeliveryRecord = {
      ...d,
      status: outcome.status,
      seriesAttempts: d.seriesAttempts + 1,
      attempts: d.attempts + 1,
      lastAttemptAt: outcome.attempt.at,
    };
    if (outcome.nextAttemptAt === undefined) delete next.nextAttemptAt;
    else next.nextAttemptAt = outcome.nextAttemptAt;
    const expiresAt = d.expiresAt;
    const outcomeOf = await transact(this.ctx.client, [
      {
        Put: {
          TableName: this.ctx.table,
          Item: { ...this.deliveryItem(next), expiresAt: { N: String(expiresAt) } },
          // Only a pending delivery, in the series this attempt belongs to, takes its outcome.
          ConditionExpression: '#status = :pending AND series = :series',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': { S: 'pending' },
            ':series': { N: String(d.series) },
          },
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            ...k.attemptKey(d, next.attempts),
            entity: { S: 'WEBHOOK_ATTEMPT' },
            doc: { S: JSON.stringify(outcome.attempt) },
            expiresAt: { N: String(expiresAt) },
          },
        },
      },
    ]);
    return outcomeOf.committed;
  }

  async restartDelivery(d: WebhookDeliveryRecord, at: string): Promise<WebhookDeliveryRecord> {
    const next: WebhookDeliveryRecord = {
      ...d,
      status: 'pending',
      series: d.series + 1,
      seriesAttempts: 0,
      nextAttemptAt: at,
      markedAt: at,
    };
    const expiresAt = d.expiresAt;
    await transact(this.ctx.client, [
      {
        Put: {
          TableName: this.ctx.table,
          Item: { ...this.deliveryItem(next), expiresAt: { N: String(expiresAt) } },
          ConditionExpression: 'series = :series',
          ExpressionAttributeValues: { ':series': { N: String(d.series) } },
        },
      },
      { Put: { TableName: this.ctx.table, Item: this.dueItem(next, at, expiresAt) } },
    ]);
    return next;
  }

  async listDeliveries(
    shopId: string,
    endpointId: string,
    filter: { status?: WebhookDeliveryRecord['status']; since?: string; oldestFirst?: boolean },
    page: { limit: number; cursor?: string },
  ): Promise<Page<DeliveryWithAttempts>> {
    const bound = `deliveries ${shopId} ${endpointId} ${JSON.stringify(filter)}`;
    const start = await openCursor(this.ctx.cursorSecret, bound, page.cursor);
    const from = filter.since === undefined ? 'DLV#' : `DLV#${k.deliveryStem(filter.since, '')}`;
    const answer = await guarded(
      this.ctx.client.send(
        new QueryCommand({
          TableName: this.ctx.table,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ...(filter.status === undefined
            ? {}
            : {
                FilterExpression: '#status = :status',
                ExpressionAttributeNames: { '#status': 'status' },
              }),
          ExpressionAttributeValues: {
            ':pk': { S: k.deliveryPartition(shopId, endpointId) },
            ':from': { S: from },
            ':to': { S: 'DLV#~' },
            ...(filter.status === undefined ? {} : { ':status': { S: filter.status } }),
          },
          ScanIndexForward: filter.oldestFirst === true,
          Limit: page.limit,
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      ),
    );
    const deliveries = (answer.Items ?? []).flatMap((i) => docOf<WebhookDeliveryRecord>(i) ?? []);
    const items = await Promise.all(
      deliveries.map(async (d) => ({ ...d, attemptList: await this.attempts(d) })),
    );
    const cursor = await sealCursor(this.ctx.cursorSecret, bound, answer.LastEvaluatedKey);
    return cursor === undefined ? { items } : { items, cursor };
  }

  private async attempts(d: WebhookDeliveryRecord): Promise<WebhookAttempt[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: k.deliveryPartition(d.shopId, d.endpointId) },
        ':prefix': { S: k.attemptPrefix(d) },
      },
      ConsistentRead: true,
    });
    return items.flatMap((i) => docOf<WebhookAttempt>(i) ?? []);
  }

  async dueDeliveries(now: string, limit: number): Promise<WebhookDeliveryRecord[]> {
    const shards = Array.from({ length: k.WEBHOOK_SHARDS }, (_, i) => i);
    const found = await Promise.all(
      shards.map(async (shard) => {
        const answer = await guarded(
          this.ctx.client.send(
            new QueryCommand({
              TableName: this.ctx.table,
              KeyConditionExpression: 'pk = :pk AND sk <= :now',
              ExpressionAttributeValues: {
                ':pk': { S: k.duePartition(shard) },
                ':now': { S: `${now}#~` },
              },
              Limit: limit,
            }),
          ),
        );
        return (answer.Items ?? []).flatMap((i) => docOf<DueMarker>(i) ?? []);
      }),
    );
    const refs = found.flat().slice(0, limit);
    const deliveries = await Promise.all(
      refs.map(async (marker) => {
        const delivery = await this.getDelivery(marker.shopId, marker.id);
        // Its delivery is gone (expired): the marker goes too, or every tick would find it.
        if (delivery === undefined) await this.dropMarker(marker);
        // Answered with the marker's own instant: marking it queued drops this very marker
        // (a replay since may have written another one, at another instant).
        return delivery === undefined ? [] : [{ ...delivery, markedAt: marker.at }];
      }),
    );
    return deliveries.flat();
  }

  private async dropMarker(marker: DueMarker): Promise<void> {
    await guarded(
      this.ctx.client.send(
        new DeleteItemCommand({ TableName: this.ctx.table, Key: k.dueKey(marker, marker.at) }),
      ),
    );
  }

  async addNotice(notice: WebhookNotice): Promise<void> {
    await guarded(
      this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: {
            ...k.noticeKey(notice),
            entity: { S: 'WEBHOOK_NOTICE' },
            doc: { S: JSON.stringify(notice) },
            expiresAt: { N: String(epoch(notice.at) + NOTICE_SECONDS) },
          },
        }),
      ),
    );
  }

  async listNotices(limit: number): Promise<WebhookNotice[]> {
    const shards = Array.from({ length: k.WEBHOOK_SHARDS }, (_, i) => i);
    const found = await Promise.all(
      shards.map(async (shard) => {
        const answer = await guarded(
          this.ctx.client.send(
            new QueryCommand({
              TableName: this.ctx.table,
              KeyConditionExpression: 'pk = :pk',
              ExpressionAttributeValues: { ':pk': { S: k.noticePartition(shard) } },
              ScanIndexForward: false,
              Limit: limit,
            }),
          ),
        );
        return (answer.Items ?? []).flatMap((i) => docOf<WebhookNotice>(i) ?? []);
      }),
    );
    return found
      .flat()
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit);
  }
}
