/**
 * Where the migration's items go: BatchWriteItem, 25 puts a request (DynamoDB's and YDB's
 * limit), a few requests in flight, what DynamoDB leaves unprocessed sent again with a growing
 * pause. Plain puts: a second run writes the same items over themselves and changes nothing.
 */
import {
  BatchWriteItemCommand,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import type { Item } from '../../src/storage/dynamodb/codec';
import { guarded } from '../../src/storage/dynamodb/errors';
import { keyText } from '../../src/storage/dynamodb/read';
import { StorageBusyError } from '../../src/storage/errors';

/** Puts per BatchWriteItem. */
const BATCH = 25;
/** Requests in flight at once. */
const IN_FLIGHT = 4;
/** Rounds of unprocessed items before giving up (the run can simply be started again). */
const ATTEMPTS = 10;

/** An item to write and what it is, for the report. */
export interface Labeled {
  kind: string;
  item: Item;
}

/** A write of the sink: an item to put, or a key to delete. */
type Write = Labeled | { key: Item };

/**
 * @example
 * const sink = new BatchSink(client, 'parcel-claims-v2');
 * sink.put({ kind: 'HEAD', item });
 * await sink.close(); sink.written // { HEAD: 1 }
 */
export class BatchSink {
  /** Items written, by kind. */
  readonly written: Record<string, number> = {};
  /** Items deleted. */
  deleted = 0;
  /** Keyed by base key: one request may not put the same key twice (the last one wins). */
  private pending = new Map<string, Write>();
  private flying: Promise<void>[] = [];
  /** The first failed request's error: raised by the next put or close (never left unhandled). */
  private failure: unknown;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: string,
  ) {}

  async put(entry: Labeled): Promise<void> {
    await this.add(keyText(entry.item), entry);
  }

  /** Removes an item a run may have written before (deleting a missing item is no error). */
  async delete(key: Item): Promise<void> {
    await this.add(keyText(key), { key });
  }

  private async add(key: string, write: Write): Promise<void> {
    this.pending.delete(key);
    this.pending.set(key, write);
    if (this.pending.size >= BATCH) await this.flush();
  }

  async putAll(entries: readonly Labeled[]): Promise<void> {
    for (const entry of entries) await this.put(entry);
  }

  /** Everything put so far, written. */
  async close(): Promise<void> {
    await this.flush();
    await Promise.all(this.flying);
    this.flying = [];
    this.raise();
  }

  private async flush(): Promise<void> {
    this.raise();
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (this.flying.length >= IN_FLIGHT) await this.flying.shift();
    this.flying.push(
      this.send(batch).catch((error: unknown) => {
        this.failure ??= error;
      }),
    );
  }

  private raise(): void {
    if (this.failure !== undefined) throw this.failure;
  }

  private async send(batch: readonly Write[]): Promise<void> {
    let requests: WriteRequest[] = batch.map((write) =>
      'item' in write
        ? { PutRequest: { Item: write.item } }
        : { DeleteRequest: { Key: write.key } },
    );
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > ATTEMPTS) throw new StorageBusyError('throttled', 1);
      if (attempt > 1) await new Promise((done) => setTimeout(done, 50 * 2 ** attempt));
      const answer = await guarded(
        this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.table]: requests } })),
      );
      requests = answer.UnprocessedItems?.[this.table] ?? [];
    }
    for (const write of batch) {
      if ('item' in write) this.written[write.kind] = (this.written[write.kind] ?? 0) + 1;
      else this.deleted++;
    }
  }
}
