/**
 * The DynamoDB storage of issue 25 (../personal-data-repository.ts): the subject index here,
 * erasing a claim (./pd-claim-erase.ts) or an order (./pd-order-erase.ts), the acts
 * (./pd-acts.ts), the retention entries (./pd-retention.ts); keys in ./pd-keys.ts.
 */
import type { PersonalDataMark, PersonIdentifiers } from '../../domain/personal-data';
import type {
  PersonalDataRepository,
  RetentionEntry,
  SubjectRecord,
} from '../personal-data-repository';
import type { ErasureAct, ErasureStep } from '../../domain/personal-data';
import { eraseClaimItems } from './pd-claim-erase';
import { ErasureActs } from './pd-acts';
import { subjectPartition, subjectRecordKey, SUBJECT_RECORD_PREFIX } from './pd-keys';
import { eraseOrderItem } from './pd-order-erase';
import { RetentionEntries } from './pd-retention';
import { queryAll } from './read';
import { tableContext, type DynamoTable, type TableContext } from './table-context';
import { MAX_TRANSACTION_ITEMS, transact } from './transact';

/**
 * @example
 * const personalData = new DynamoPersonalDataRepository({ client, tableName: 'parcel-claims' });
 * await personalData.indexRecord('shop-a', [ref], { kind: 'claim', id: 'clm_1' });
 */
export class DynamoPersonalDataRepository implements PersonalDataRepository {
  private readonly ctx: TableContext;
  private readonly acts: ErasureActs;
  private readonly retention: RetentionEntries;

  constructor(table: DynamoTable) {
    this.ctx = tableContext(table);
    this.acts = new ErasureActs(this.ctx);
    this.retention = new RetentionEntries(this.ctx);
  }

  async indexRecord(shopId: string, refs: readonly string[], record: SubjectRecord): Promise<void> {
    const unique = [...new Set(refs)].slice(0, MAX_TRANSACTION_ITEMS);
    if (unique.length === 0) return;
    // One small item per (subject, record): nothing grows with the number of records.
    await transact(
      this.ctx.client,
      unique.map((ref) => ({
        Put: {
          TableName: this.ctx.table,
          Item: {
            ...subjectRecordKey(shopId, ref, record),
            entity: { S: 'PD_SUBJECT' },
            kind: { S: record.kind },
            id: { S: record.id },
          },
        },
      })),
    );
  }

  async recordsOf(shopId: string, ref: string): Promise<SubjectRecord[]> {
    const items = await queryAll(this.ctx.client, {
      TableName: this.ctx.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: {
        ':pk': { S: subjectPartition(shopId, ref) },
        ':prefix': { S: SUBJECT_RECORD_PREFIX },
      },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      kind: item.kind?.S === 'order' ? 'order' : 'claim',
      id: item.id?.S ?? '',
    }));
  }

  begin(act: ErasureAct): Promise<ErasureAct> {
    return this.acts.begin(act);
  }

  eraseClaim(
    claimId: string,
    who: PersonIdentifiers,
    mark: PersonalDataMark,
    refs: readonly string[],
  ) {
    return eraseClaimItems(this.ctx, claimId, who, mark, refs);
  }

  eraseOrder(
    shopId: string,
    orderId: string,
    who: PersonIdentifiers,
    mark: PersonalDataMark,
    refs: readonly string[],
  ) {
    return eraseOrderItem(this.ctx, shopId, orderId, who, mark, refs);
  }

  log(shopId: string, erasureId: string, steps: readonly ErasureStep[]): Promise<void> {
    return this.acts.log(shopId, erasureId, steps);
  }

  complete(act: ErasureAct): Promise<ErasureAct> {
    return this.acts.complete(act);
  }

  get(shopId: string, erasureId: string) {
    return this.acts.get(shopId, erasureId);
  }

  list(shopId: string, page: { limit: number; cursor?: string | undefined }) {
    return this.acts.list(shopId, page);
  }

  scheduleRetention(entry: RetentionEntry): Promise<void> {
    return this.retention.schedule(entry);
  }

  dueForRetention(today: string, limit: number): Promise<RetentionEntry[]> {
    return this.retention.due(today, limit);
  }

  clearRetention(shopId: string, record: SubjectRecord): Promise<void> {
    return this.retention.clear(shopId, record);
  }
}
