/**
 * Rewriting stored JSON documents with a person erased (src/domain/personal-data/tombstone.ts):
 * the plain `doc` of an item, and a webhook event's compressed body (split over parts).
 * Each rewrite is conditioned on the item still being there, and writes nothing when the
 * document held nothing of the person (so running an erasure again writes nothing new).
 */
import {
  UpdateItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { scrubText, type PersonIdentifiers } from '../../domain/personal-data';
import type { Item } from './codec';
import { deflate, inflate } from './compress';
import { errorName, toStorageError } from './errors';
import { readItems, keyText } from './read';
import { transact } from './transact';
import { EVENT_CHUNK_BYTES } from './webhook-repository';
import { eventPartKey } from './webhook-keys';

/**
 * Rewrites the item's `doc` (JSON text) with the person erased; true when it changed.
 * Conditioned on the doc being as read: a concurrent rewrite wins, and is erased by the re-run.
 *
 * @example await scrubDocItem(client, table, item, who) // true: a note naming the customer
 */
export async function scrubDocItem(
  client: DynamoDBClient,
  table: string,
  item: Item,
  who: PersonIdentifiers,
): Promise<boolean> {
  const text = item.doc?.S;
  if (text === undefined) return false;
  const scrubbed = scrubText(text, who);
  if (scrubbed === text) return false;
  try {
    await client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: item.pk ?? { S: '' }, sk: item.sk ?? { S: '' } },
        UpdateExpression: 'SET #doc = :new',
        // Only over the doc as read: never resurrects a deleted item, never clobbers a newer doc.
        ConditionExpression: '#doc = :old',
        ExpressionAttributeNames: { '#doc': 'doc' },
        ExpressionAttributeValues: { ':new': { S: scrubbed }, ':old': { S: text } },
      }),
    );
    return true;
  } catch (error) {
    if (errorName(error) === 'ConditionalCheckFailedException') return false;
    throw toStorageError(error, { write: true });
  }
}

/**
 * Rewrites a webhook event's body (the resource as it was sent) with the person erased: the
 * event item and its parts in one transaction (a body of ≤ 24 parts: what one event holds).
 * True when it changed.
 *
 * @example await scrubEventItem(client, table, 'shop-a', eventItem, who)
 */
export async function scrubEventItem(
  client: DynamoDBClient,
  table: string,
  shopId: string,
  event: Item,
  who: PersonIdentifiers,
): Promise<boolean> {
  const eventId = (JSON.parse(event.head?.S ?? '{}') as { id?: string }).id ?? '';
  const parts = Number(event.parts?.N ?? '0');
  const partKeys = Array.from({ length: parts }, (_, i) => eventPartKey(shopId, eventId, i + 1));
  const found = parts === 0 ? new Map<string, Item>() : await readItems(client, table, partKeys);
  const chunks = [
    event.body?.B ?? new Uint8Array(),
    ...partKeys.map((k) => found.get(keyText(k))?.body?.B ?? new Uint8Array()),
  ];
  const text = await inflate(joinBytes(chunks));
  const scrubbed = scrubText(text, who);
  if (scrubbed === text) return false;
  const bytes = await deflate(scrubbed);
  const next: Uint8Array[] = [];
  for (let at = 0; at < bytes.byteLength || at === 0; at += EVENT_CHUNK_BYTES) {
    next.push(bytes.subarray(at, at + EVENT_CHUNK_BYTES));
  }
  const [first = new Uint8Array(), ...rest] = next;
  const ttl: Item = event.expiresAt === undefined ? {} : { expiresAt: event.expiresAt };
  const items: TransactWriteItem[] = [
    {
      Put: {
        TableName: table,
        Item: { ...event, body: { B: first }, parts: { N: String(rest.length) } },
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    ...rest.map((chunk, i): TransactWriteItem => ({
      Put: {
        TableName: table,
        Item: { ...eventPartKey(shopId, eventId, i + 1), body: { B: chunk }, ...ttl },
      },
    })),
    // Parts the shorter body no longer needs hold the old text: deleted.
    ...partKeys
      .slice(rest.length)
      .map((Key): TransactWriteItem => ({ Delete: { TableName: table, Key } })),
  ];
  const outcome = await transact(client, items);
  return outcome.committed;
}

function joinBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}
