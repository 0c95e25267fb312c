/**
 * A claim's remedies on DynamoDB: one item per remedy in the claim's partition
 * (sk REMEDY#<n, 6 digits>), holding the remedy as JSON and a copy of its status for the
 * write conditions, and one counter item (sk REMEDIES) holding the last number handed out.
 *
 * An offer takes its number from the counter (one atomic update: offers made at once each get
 * their own, none is refused) and is then written once under it. An answer is one
 * transaction: a ConditionCheck of the claim's HEAD (its status is none of the statuses that
 * close a claim to remedies) and the Put of the answered remedy over an offer that is still
 * `offered`. A move of the claim writes the same HEAD, so an answer and a withdrawal are
 * ordered: an answer never lands on a claim withdrawn before it, and two answers never both
 * win. What an accepted remedy adds to the analytics (`given`) is counted by the claim-change
 * consumer from the remedies themselves (src/services/claim-changes.ts), not in the write.
 */
import {
  PutItemCommand,
  UpdateItemCommand,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { ClaimStatus } from '../../domain/claim';
import { remedyPosition, type Remedy } from '../../domain/remedy';
import { ConflictError } from '../errors';
import type { RemedyAnswerResult, RemedyRepository } from '../repository';
import { HEAD } from './claim-items';
import type { Item } from './codec';
import { errorName, guarded, toStorageError } from './errors';
import { claimHeadKey, claimPartition, CLAIM_SK, remedyCounterKey, remedyKey } from './keys';
import { queryAll, readItem } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { transact } from './transact';

const remedyOf = (item: Item | undefined): Remedy | undefined => {
  const doc = item?.doc?.S;
  return doc === undefined ? undefined : (JSON.parse(doc) as Remedy);
};

/** The counter's attribute: the last number handed out. */
const LAST = 'last';

/**
 * @example
 * const remedies = new DynamoRemedyRepository({ client, tableName: 'parcel-claims' });
 * const n = await remedies.takeNumber('clm_…', 0);
 * await remedies.create({ id: `rm_${n}`, claimId: 'clm_…', kind: 'gift', value, status: 'offered', … });
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

  async takeNumber(claimId: string, after: number): Promise<number> {
    // One atomic update of one item: DynamoDB applies concurrent ones in turn, so each caller
    // gets its own number and none is refused (taking "the next free number" instead makes
    // every offer of a burst but one lose its conditional write, again and again). Mapped as
    // a read: if it fails, at most a number is skipped, and no offer was written.
    const { Attributes } = await guarded(
      this.ctx.client.send(
        new UpdateItemCommand({
          TableName: this.ctx.table,
          Key: remedyCounterKey(claimId),
          UpdateExpression: 'SET #last = if_not_exists(#last, :after) + :one, #entity = :entity',
          ExpressionAttributeNames: { '#last': LAST, '#entity': 'entity' },
          ExpressionAttributeValues: {
            ':after': { N: String(after) },
            ':one': { N: '1' },
            ':entity': { S: 'REMEDY_COUNTER' },
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    const taken = Number(Attributes?.[LAST]?.N);
    if (!Number.isSafeInteger(taken)) throw new Error(`no remedy number came back for ${claimId}`);
    return taken;
  }

  async create(remedy: Remedy): Promise<Remedy> {
    try {
      await this.ctx.client.send(
        new PutItemCommand({
          TableName: this.ctx.table,
          Item: this.item(remedy),
          // Written once under its number (taken from the counter, so only an offer numbered
          // before the counter existed can hold it).
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

  async answer(next: Remedy, closedIn: readonly ClaimStatus[]): Promise<RemedyAnswerResult> {
    const key = remedyKey(next.claimId, this.position(next));
    const items: TransactWriteItem[] = [
      {
        Put: {
          TableName: this.ctx.table,
          Item: this.item(next),
          // Only an offer still waiting for its answer takes one.
          ConditionExpression: '#status = :offered',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':offered': { S: 'offered' } },
        },
      },
    ];
    if (closedIn.length > 0) items.push(this.claimTakesAnswers(next.claimId, closedIn));
    const outcome = await transact(this.ctx.client, items);
    if (outcome.committed) return { answered: true, remedy: next };
    // Read again, both (YDB returns no item with the refusal, and which condition failed is
    // not worth trusting to a reason's position). Our own answer, committed by a request the
    // SDK retried, reads back as answered with exactly what we sent.
    const [remedyItem, head] = await Promise.all([
      readItem(this.ctx.client, this.ctx.table, key),
      closedIn.length > 0
        ? readItem(this.ctx.client, this.ctx.table, claimHeadKey(next.claimId))
        : Promise.resolve(undefined),
    ]);
    const current = remedyOf(remedyItem);
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(next)) {
      return { answered: true, remedy: next };
    }
    const claimStatus = head?.[HEAD.status]?.S as ClaimStatus | undefined;
    if (claimStatus !== undefined && closedIn.includes(claimStatus)) {
      return { answered: false, claimStatus };
    }
    return current === undefined ? { answered: false } : { answered: false, current };
  }

  /**
   * The claim's HEAD is in none of `closedIn` (a missing head passes: the remedy's own
   * condition needs the offer, and offers are only made on claims that exist). Checked in
   * the answer's transaction, it orders the answer with every move of the claim.
   */
  private claimTakesAnswers(claimId: string, closedIn: readonly ClaimStatus[]): TransactWriteItem {
    const values: Item = {};
    closedIn.forEach((status, i) => (values[`:closed${i}`] = { S: status }));
    const open = Object.keys(values).map((name) => `#status <> ${name}`);
    return {
      ConditionCheck: {
        TableName: this.ctx.table,
        Key: claimHeadKey(claimId),
        ConditionExpression: `attribute_not_exists(#status) OR (${open.join(' AND ')})`,
        ExpressionAttributeNames: { '#status': HEAD.status },
        ExpressionAttributeValues: values,
      },
    };
  }
}
