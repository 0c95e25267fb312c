/**
 * The clerks' internal notes: one item per note in the claim's partition, sk
 * `NOTE#<at>#<n>` (see ../table.ts), written once. They sort after the claim's
 * events and evidence, so neither the history a shop reads nor the claim meets them.
 */
import { PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ClaimNote, NoteRepository } from '../repository';
import { ConflictError } from '../errors';
import { errorName, toStorageError } from './errors';
import { claimPartition } from './keys';
import { queryAll } from './read';

const PREFIX = 'NOTE#';
/** Notes of one claim written in the same millisecond, at most. */
const MAX_SAME_INSTANT = 50;

/**
 * @example
 * const notes = new DynamoNoteRepository({ client, tableName: 'parcel-claims' });
 * await notes.add({ claimId, at, author, text }); // { id: '2025-…Z#001', … }
 */
export class DynamoNoteRepository implements NoteRepository {
  private readonly client: DynamoDBClient;
  private readonly table: string;

  constructor(options: { client: DynamoDBClient; tableName: string }) {
    this.client = options.client;
    this.table = options.tableName;
  }

  async add(input: Omit<ClaimNote, 'id'>): Promise<ClaimNote> {
    for (let n = 1; n <= MAX_SAME_INSTANT; n++) {
      const note: ClaimNote = { id: `${input.at}#${String(n).padStart(3, '0')}`, ...input };
      try {
        await this.client.send(
          new PutItemCommand({
            TableName: this.table,
            Item: {
              pk: { S: claimPartition(note.claimId) },
              sk: { S: `${PREFIX}${note.id}` },
              entity: { S: 'NOTE' },
              doc: { S: JSON.stringify(note) },
            },
            // Write-once: a note is never replaced; another one at the same instant takes n + 1.
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return note;
      } catch (error) {
        if (errorName(error) !== 'ConditionalCheckFailedException') {
          throw toStorageError(error, { write: true });
        }
      }
    }
    throw new ConflictError(`too many notes on claim ${input.claimId} at ${input.at}; retry`);
  }

  async list(claimId: string): Promise<ClaimNote[]> {
    const items = await queryAll(this.client, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: claimPartition(claimId) },
        ':prefix': { S: PREFIX },
      },
      ConsistentRead: true,
    });
    return items.map((item) => JSON.parse(item.doc?.S ?? '{}') as ClaimNote);
  }
}
