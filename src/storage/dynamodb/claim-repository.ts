/**
 * ClaimRepository on DynamoDB. Filing is one transaction (the claim item with its
 * filed event and idempotency record, the open-claim guard, an item per evidence
 * entry); every later change is one transaction (claim + event + evidence items,
 * and the guard's release when it settles). A failure never leaves a claim without
 * its event, evidence or idempotency record. A claim's partition holds the claim
 * item, its EVENT# items and its EVIDENCE# items (see ../table.ts).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Claim, ClaimEvent } from '../../domain/claim';
import type {
  ClaimFilter,
  ClaimRepository,
  ClaimSummary,
  CreateClaimOptions,
  CreateClaimResult,
  Page,
  PageRequest,
} from '../repository';
import { createClaim } from './claim-create';
import { listClaims } from './claim-list';
import { updateClaim } from './claim-update';
import {
  claimPartition,
  EVIDENCE_PREFIX,
  itemToClaim,
  itemToEvent,
  itemToFiledEvent,
} from './items';
import { queryAll } from './read';

export interface DynamoRepositoryOptions {
  client: DynamoDBClient;
  tableName: string;
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
  private readonly cursorSecret: string;

  constructor(options: DynamoRepositoryOptions) {
    this.client = options.client;
    this.table = options.tableName;
    this.cursorSecret = options.cursorSecret ?? localCursorSecret(options.tableName);
  }

  create(
    claim: Claim,
    event: ClaimEvent,
    options: CreateClaimOptions = {},
  ): Promise<CreateClaimResult> {
    return createClaim(this.client, this.table, { claim, event, ...options });
  }

  /** One Query of the claim's partition: the claim item and its evidence items (not its events). */
  async get(id: string): Promise<Claim | undefined> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      // Up to the last evidence slot ('$' sorts after '#'): the notes, messages… after it are not read.
      KeyConditionExpression: 'pk = :pk AND sk < :after',
      // (A key attribute cannot be filtered on: every item says what it is in `entity`.)
      FilterExpression: '#entity <> :event',
      ExpressionAttributeNames: { '#entity': 'entity' },
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(id) },
        ':event': { S: 'EVENT' },
        ':after': { S: 'EVIDENCE$' },
      },
      ConsistentRead: true,
    });
    const claimItem = items.find((item) => item.sk?.S === 'CLAIM');
    if (claimItem === undefined) return undefined;
    const evidence = items.filter((item) => item.sk?.S?.startsWith(EVIDENCE_PREFIX));
    return itemToClaim(claimItem, evidence);
  }

  update(
    previous: Claim,
    next: Claim,
    events: ClaimEvent | readonly ClaimEvent[],
    options: { openClaim?: string | undefined } = {},
  ): Promise<Claim> {
    const list = Array.isArray(events) ? (events as readonly ClaimEvent[]) : [events as ClaimEvent];
    return updateClaim(this.client, this.table, previous, next, list, options);
  }

  async history(claimId: string): Promise<ClaimEvent[]> {
    // The claim's partition up to its evidence (CLAIM < EVENT#… < EVIDENCE#…): the claim
    // item (which carries the `filed` event) and one item per later event. Claims filed
    // before the filed event moved into the claim item have it as an EVENT item instead;
    // either way it is read once.
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND sk < :evidence',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(claimId) },
        ':evidence': { S: EVIDENCE_PREFIX },
      },
      ConsistentRead: true,
    });
    const events: ClaimEvent[] = [];
    for (const item of items) {
      const event = item.sk?.S === 'CLAIM' ? itemToFiledEvent(item) : itemToEvent(item);
      if (event !== undefined) events.push(event);
    }
    return events.sort((a, b) => a.seq - b.seq);
  }

  list(filter: ClaimFilter, page: PageRequest): Promise<Page<ClaimSummary>> {
    return listClaims(this.client, this.table, this.cursorSecret, filter, page);
  }
}
