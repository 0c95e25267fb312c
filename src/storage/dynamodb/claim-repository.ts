/**
 * ClaimRepository on DynamoDB. A claim's partition holds its body (written once, the claim
 * as filed), its head (what moves change), its later evidence and history events, and the
 * items kept beside it (messages, notes, remedies, search keys, tally); see ./claim-items.ts
 * and ./keys.ts. Filing is one transaction (head, body, guard, key record); every later
 * change is one transaction (head, events, evidence, the guard's release when it settles).
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
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
import { filedEventOf, joinClaim, logEventOf } from './claim-items';
import { listClaims } from './claim-list';
import { updateClaim } from './claim-update';
import { guarded } from './errors';
import { CLAIM_SK, claimBodyKey, claimPartition } from './keys';
import { queryAll } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';

/**
 * @example
 * const claims = new DynamoClaimRepository({ client, tableName: 'parcel-claims' });
 * const claim = await claims.get('clm_1');
 */
export class DynamoClaimRepository implements ClaimRepository {
  private readonly ctx: TableContext;

  constructor(options: DynamoTable) {
    this.ctx = tableContext(options);
  }

  create(
    claim: Claim,
    event: ClaimEvent,
    options: CreateClaimOptions = {},
  ): Promise<CreateClaimResult> {
    const { client, table, shards } = this.ctx;
    return createClaim(client, table, shards, { claim, event, ...options });
  }

  /** One Query of the claim's partition from BODY to HEAD: the body, later evidence, the head. */
  async get(id: string): Promise<Claim | undefined> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :body AND :head',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(id) },
        ':body': { S: CLAIM_SK.body },
        ':head': { S: CLAIM_SK.head },
      },
      ConsistentRead: true,
    });
    const body = items.find((item) => item.sk?.S === CLAIM_SK.body);
    const head = items.find((item) => item.sk?.S === CLAIM_SK.head);
    if (body === undefined || head === undefined) return undefined;
    const later = items.filter((item) => item.sk?.S?.startsWith(CLAIM_SK.evidencePrefix));
    return joinClaim(body, head, later);
  }

  update(
    previous: Claim,
    next: Claim,
    events: ClaimEvent | readonly ClaimEvent[],
    options: { openClaim?: string | undefined } = {},
  ): Promise<Claim> {
    const list = Array.isArray(events) ? (events as readonly ClaimEvent[]) : [events as ClaimEvent];
    const { client, table, shards } = this.ctx;
    return updateClaim(client, table, shards, previous, next, list, options);
  }

  /** The first event (in the body) and the LOG# items after it, in parallel. */
  async history(claimId: string): Promise<ClaimEvent[]> {
    const { client, table } = this.ctx;
    const [body, log] = await Promise.all([
      guarded(
        client.send(
          new GetItemCommand({
            TableName: table,
            Key: claimBodyKey(claimId),
            ProjectionExpression: 'filedEvent',
            ConsistentRead: true,
          }),
        ),
      ),
      queryAll(client, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :log)',
        ExpressionAttributeValues: {
          ':pk': { S: claimPartition(claimId) },
          ':log': { S: CLAIM_SK.logPrefix },
        },
        ConsistentRead: true,
      }),
    ]);
    if (body.Item === undefined) return [];
    return [filedEventOf(body.Item), ...log.map(logEventOf)];
  }

  list(filter: ClaimFilter, page: PageRequest): Promise<Page<ClaimSummary>> {
    return listClaims(this.ctx, filter, page);
  }
}
