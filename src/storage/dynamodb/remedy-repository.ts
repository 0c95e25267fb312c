/**
 * A claim's remedies on DynamoDB: one item per remedy in the claim's partition
 * (sk REMEDY#<n, 6 digits>), holding the remedy as JSON and a copy of its status for the
 * write conditions. An offer is written once under its number; an answer replaces an offer
 * that is still `offered`, so two answers never both win. What an accepted remedy adds to
 * the analytics (`given`) is counted by the claim-change consumer from the remedies
 * themselves (src/services/claim-changes.ts), not in the answer's write.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { remedyPosition, type Remedy } from '../../domain/remedy';
import { ConflictError } from '../errors';
import type { RemedyAnswerResult, RemedyRepository } from '../repository';
import type { Item } from './codec';
import { errorName, toStorageError } from './errors';
import { claimPartition, CLAIM_SK, remedyKey } from './keys';
import { queryAll, readItem } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';

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
  private readonly ctx: TableContext;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
  }

  private item(remedy: Remedy): Item {
    return {
      ...remedyKey(remedy.claimId, this.position(remedy)),
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
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(claimId) },
        ':prefix': { S: CLAIM_SK.remedyPrefix },
      },
      ConsistentRead: true,
    });
    return items.flatMap((item) => remedyOf(item) ?? []);
  }

  async create(remedy: Remedy): Promise<Remedy> {
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: this.item(remedy),
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

  async answer(next: Remedy): Promise<RemedyAnswerResult> {
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: this.item(next),
          // Only an offer still waiting for its answer takes one.
          ConditionExpression: '#status = :offered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':offered': { S: 'offered' } },
        }),
      );
      return { answered: true, remedy: next };
    } catch (error) {
      if (errorName(error) !== 'ConditionalCheckFailedException') {
        throw toStorageError(error, { write: true });
      }
      // Read again (YDB returns no item with the refusal). Our own answer, committed by a
      // request the SDK retried, reads back as answered with exactly what we sent.
      const current = remedyOf(
        await readItem(
          this.ctx.client,
          this.ctx.table,
          remedyKey(next.claimId, this.position(next)),
        ),
      );
      if (current !== undefined && JSON.stringify(current) === JSON.stringify(next)) {
        return { answered: true, remedy: next };
      }
      return current === undefined ? { answered: false } : { answered: false, current };
    }
  }
}
