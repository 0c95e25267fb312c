/**
 * ClaimRepository on DynamoDB. Filing is one conditional PutItem of one item
 * (claim + filed event + idempotency record); every later change is one
 * transaction (claim + event items). A failure never leaves a claim without its
 * event or idempotency record.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import type {
  ClaimFilter,
  ClaimRepository,
  CreateClaimResult,
  IdempotencyInput,
  Page,
  PageRequest,
} from '../repository';
import { createClaim } from './claim-create';
import { listClaims } from './claim-list';
import { updateClaim } from './claim-update';
import { claimKey, claimPartition, itemToClaim, itemToEvent, itemToFiledEvent } from './items';
import { queryAll, readItem } from './read';

export interface DynamoRepositoryOptions {
  client: DynamoDBClient;
  tableName: string;
  /** Epoch milliseconds; only used to tell expired idempotency records. */
  now?: () => number;
  /**
   * Seals the list cursors (see ./cursor.ts). Default: a fixed local-only key per table
   * name, so anyone who reads this code can forge cursors for their own listings
   * (a forged cursor still cannot leave the caller's own index partition).
   * Production sets CURSOR_SECRET.
   */
  cursorSecret?: string;
}

/** The cursor key of a table without CURSOR_SECRET (local, dev, tests). */
export const localCursorSecret = (tableName: string): string =>
  `parcel-claims local cursor secret for table ${tableName}`;

/**
 * @example
 * const claims = new DynamoClaimRepository({ client, tableName: 'parcel-claims' });
 * const claim = await claims.get('clm_1');
 */
export class DynamoClaimRepository implements ClaimRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;
  private readonly now: () => number;
  private readonly cursorSecret: string;

  constructor(options: DynamoRepositoryOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.now = options.now ?? Date.now;
    this.cursorSecret = options.cursorSecret ?? localCursorSecret(options.tableName);
  }

  create(
    claim: Claim,
    event: ClaimEvent,
    idempotency?: IdempotencyInput,
  ): Promise<CreateClaimResult> {
    return createClaim(this.client, this.table, this.now(), { claim, event, idempotency });
  }

  async get(id: string): Promise<Claim | undefined> {
    const item = await readItem(this.client, this.table, claimKey(id));
    return item === undefined ? undefined : itemToClaim(item);
  }

  update(
    next: Claim,
    expectedVersion: number,
    events: ClaimEvent | readonly ClaimEvent[],
  ): Promise<Claim> {
    const list = Array.isArray(events) ? (events as readonly ClaimEvent[]) : [events as ClaimEvent];
    return updateClaim(this.client, this.table, next, expectedVersion, list);
  }

  async history(claimId: string): Promise<ClaimEvent[]> {
    // The claim's partition: the claim item (which carries the `filed` event) and one item
    // per later event. Claims filed before the filed event moved into the claim item have
    // it as an EVENT item instead; either way it is read once.
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: claimPartition(claimId) } },
      ConsistentRead: true,
    });
    const events: ClaimEvent[] = [];
    for (const item of items) {
      const event = item.sk?.S === 'CLAIM' ? itemToFiledEvent(item) : itemToEvent(item);
      if (event !== undefined) events.push(event);
    }
    return events.sort((a, b) => a.seq - b.seq);
  }

  list(filter: ClaimFilter, page: PageRequest): Promise<Page<Claim>> {
    return listClaims(this.client, this.table, this.cursorSecret, filter, page);
  }
}
