/**
 * A claim's remedies on DynamoDB: one item per remedy in the claim's partition
 * (sk REMEDY#<n, 6 digits>, after CLAIM < EVENT# < EVIDENCE# < MESSAGE#), holding
 * the remedy as JSON and a copy of its status for the write conditions. An offer
 * is written once under its number; an answer replaces an offer that is still
 * `offered`, so two answers never both win.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { remedyPosition, type Remedy } from '../../domain/remedy';
import { ConflictError } from '../errors';
import type { RemedyAnswerResult, RemedyRepository } from '../repository';
import { errorName, toStorageError } from './errors';
import { claimPartition, remedyKey, REMEDY_PREFIX } from './items';
import { queryAll, readItem } from './read';
import { remedyAggregateItems, type RemedyFigures } from './aggregates';
import { transact } from './transact';
import type { Claim } from '../../domain/claim';
import { toMinor } from '../../domain/analytics';
import type { Item } from './codec';

const remedyOf = (item: Item | undefined): Remedy | undefined => {
  const doc = item?.doc?.S;
  return doc === undefined ? undefined : (JSON.parse(doc) as Remedy);
};

/**
 * @example
 * const remedies = new DynamoRemedyRepository({ client, tableName: 'parcel-claims' });
 * await remedies.create({ id: 'rm_1', claimId: 'clm_…', kind: 'gift', value, status: 'offered', … });
 */
export class DynamoRemedyRepository implements RemedyRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  private item(remedy: Remedy, position: number): Item {
    return {
      ...remedyKey(remedy.claimId, position),
      entity: { S: 'REMEDY' },
      status: { S: remedy.status },
      doc: { S: JSON.stringify(remedy) },
    };
  }

  private position(remedy: Remedy): number {
    const position = remedyPosition(remedy.id);
    if (position === undefined) throw new RangeError(`a remedy id is rm_<n>, not ${remedy.id}`);
    return position;
  }

  async list(claimId: string): Promise<Remedy[]> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(claimId) },
        ':prefix': { S: REMEDY_PREFIX },
      },
      ConsistentRead: true,
    });
    return items.flatMap((item) => remedyOf(item) ?? []);
  }

  async create(remedy: Remedy): Promise<Remedy> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: this.item(remedy, this.position(remedy)),
          // Written once under its number: a concurrent offer that took it first wins.
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return remedy;
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') {
        throw toStorageError(error, { write: true });
      }
      throw new ConflictError(`remedy ${remedy.id} of claim ${remedy.claimId} exists`);
    }
  }

  async answer(next: Remedy, claim?: Claim): Promise<RemedyAnswerResult> {
    const given = claim && givenFigures(next, claim);
    if (given !== undefined) return this.answerCounted(next, given);
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.table,
          Item: this.item(next, this.position(next)),
          // Only an offer still waiting for its answer takes one.
          ConditionExpression: '#status = :offered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':offered': { S: 'offered' } },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { answered: true, remedy: next };
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') {
        throw toStorageError(error, { write: true });
      }
      const current = remedyOf((error as { Item?: Item }).Item);
      return current === undefined ? { answered: false } : { answered: false, current };
    }
  }

  /** The answer and the analytics' `given` sums in one transaction. */
  private async answerCounted(next: Remedy, given: RemedyFigures): Promise<RemedyAnswerResult> {
    const key = remedyKey(next.claimId, this.position(next));
    const outcome = await transact(this.client, [
      {
        Put: {
          TableName: this.table,
          Item: this.item(next, this.position(next)),
          ConditionExpression: '#status = :offered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':offered': { S: 'offered' } },
        },
      },
      ...remedyAggregateItems(this.table, given),
    ]);
    if (outcome.committed) return { answered: true, remedy: next };
    const current = remedyOf(await readItem(this.client, this.table, key));
    return current === undefined ? { answered: false } : { answered: false, current };
  }
}

/**
 * What an accepted remedy adds to the analytics (the claim's filing day, its carrier, cause
 * and type); nothing for a declined one, one without a value, or a claim without a cause.
 */
function givenFigures(next: Remedy, claim: Claim): RemedyFigures | undefined {
  if (next.status !== 'accepted' || next.value === undefined || claim.cause === undefined) {
    return undefined;
  }
  return {
    shopId: claim.shopId,
    carrier: claim.carrier,
    cause: claim.cause,
    type: claim.type,
    day: claim.createdAt.slice(0, 10),
    currency: next.value.currency,
    givenMinor: toMinor(next.value),
  };
}
