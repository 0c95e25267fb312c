/**
 * Erasing a claim's customer in place. Every item of the claim's partition that holds a
 * document (history events, notes, evidence, remedies) is rewritten with the person erased
 * (./pd-scrub.ts), then the webhook events that carried the claim, and LAST one transaction:
 * the body (the claim as filed: claimant and description tombstoned, the mark set), the head's
 * free text, the claimant search entry re-keyed to the tombstones, the subject-index entries
 * and the retention entry deleted. The body is last because it holds the person's identifiers:
 * until it is written, running the erasure again finds the claim, and the person, again; once
 * written (`erasureId` on the body) a re-run of the same act only finishes what is left.
 */
import { QueryCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Claim } from '../../domain/claim';
import {
  erasedClaim,
  identifiersOf,
  isErasedPerson,
  scrubText,
  type ErasedRecord,
  type PersonalDataMark,
  type PersonIdentifiers,
} from '../../domain/personal-data';
import type { RecordErasure } from '../personal-data-repository';
import { BODY, bodyDocument, HEAD, joinClaim } from './claim-items';
import type { Item } from './codec';
import { deflate } from './compress';
import { guarded } from './errors';
import { CLAIM_SK, claimPartition, shardOf } from './keys';
import { retentionKey, subjectRecordKey } from './pd-keys';
import { scrubDocItem, scrubEventItem } from './pd-scrub';
import { queryAll } from './read';
import { searchItems } from './search-keys';
import type { TableContext } from './table-context';
import { transact } from './transact';
import { eventPartition } from './webhook-keys';

/** Items of a claim's partition whose `doc` may quote the customer. */
const DOC_PREFIXES = [
  CLAIM_SK.logPrefix,
  CLAIM_SK.evidencePrefix,
  CLAIM_SK.notePrefix,
  CLAIM_SK.remedyPrefix,
  CLAIM_SK.messagePrefix,
];
/** A claim that keeps moving under the erasure is read again this many times. */
const ATTEMPTS = 4;

const NOTHING: RecordErasure = { erased: false, related: [], indexEntries: false };

/** Two sets of identifiers as one. */
const merged = (a: PersonIdentifiers, b: PersonIdentifiers): PersonIdentifiers => ({
  names: [...new Set([...a.names, ...b.names])],
  phones: [...new Set([...a.phones, ...b.phones])],
  emails: [...new Set([...a.emails, ...b.emails])],
});

/**
 * @example await eraseClaimItems(ctx, 'clm_1', who, { erasedAt, erasureId: 'pde_…' }, ['9c1f…'])
 */
export async function eraseClaimItems(
  ctx: TableContext,
  claimId: string,
  who: PersonIdentifiers,
  mark: PersonalDataMark,
  refs: readonly string[],
): Promise<RecordErasure> {
  for (let attempt = 1; ; attempt++) {
    const items = await queryAll(ctx.client, {
      TableName: ctx.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: claimPartition(claimId) } },
      ConsistentRead: true,
    });
    const bySk = new Map(items.map((item) => [item.sk?.S ?? '', item]));
    const body = bySk.get(CLAIM_SK.body);
    const head = bySk.get(CLAIM_SK.head);
    if (body === undefined || head === undefined) return NOTHING;
    const shopId = head[HEAD.shopId]?.S ?? '';
    const erasedBy = body.erasureId?.S;
    if (erasedBy !== undefined && erasedBy !== mark.erasureId) {
      // Erased by another act: only this person's index entries may be left.
      await deleteIndexEntries(ctx, shopId, claimId, refs);
      return { ...NOTHING, indexEntries: refs.length > 0 };
    }
    const later = items.filter((item) => item.sk?.S?.startsWith(CLAIM_SK.evidencePrefix));
    const claim = await joinClaim(body, head, later);
    const everyone = isErasedPerson(claim.claimant)
      ? who
      : merged(who, identifiersOf([claim.claimant]));
    const related: ErasedRecord[] = [];
    for (const item of items) {
      const sk = item.sk?.S ?? '';
      if (!DOC_PREFIXES.some((prefix) => sk.startsWith(prefix))) continue;
      await scrubDocItem(ctx.client, ctx.table, item, everyone);
      if (sk.startsWith(CLAIM_SK.messagePrefix)) {
        const messageId = decodeURIComponent(sk.slice(CLAIM_SK.messagePrefix.length));
        related.push({ kind: 'message', id: `${claimId}/${messageId}` });
      }
    }
    related.push(...(await scrubEvents(ctx, claim, everyone)));
    if (erasedBy !== undefined) {
      // The body is this act's already (a re-run after a crash): the rest is done now.
      await deleteIndexEntries(ctx, shopId, claimId, refs);
      return { erased: true, related, indexEntries: true };
    }
    const outcome = await transact(
      ctx.client,
      await finalWrites(ctx, { body, head, claim, who: everyone, mark, refs, bySk }),
    );
    if (outcome.committed) return { erased: true, related, indexEntries: true };
    if (attempt >= ATTEMPTS) throw new Error(`claim ${claimId} kept changing during its erasure`);
  }
}

/** The last transaction: body, head, search entry, index and retention entries. */
async function finalWrites(
  ctx: TableContext,
  input: {
    body: Item;
    head: Item;
    claim: Claim;
    who: PersonIdentifiers;
    mark: PersonalDataMark;
    refs: readonly string[];
    bySk: Map<string, Item>;
  },
): Promise<TransactWriteItem[]> {
  const { body, head, claim, who, mark, refs, bySk } = input;
  const filed = erasedClaim(JSON.parse(await bodyDocument(body)) as Claim, who, mark);
  const filedEvent = body[BODY.filedEvent]?.S ?? '{}';
  const writes: TransactWriteItem[] = [
    {
      Put: {
        TableName: ctx.table,
        Item: {
          ...body,
          [BODY.doc]: { B: await deflate(JSON.stringify(filed)) },
          [BODY.filedEvent]: { S: scrubText(filedEvent, who) },
          erasureId: { S: mark.erasureId },
          erasedAt: { S: mark.erasedAt },
        },
        // Once: a body another act erased meanwhile is that act's.
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasureId)',
      },
    },
  ];
  const headDoc = head[HEAD.doc]?.S ?? '{}';
  const scrubbedHead = scrubText(headDoc, who);
  writes.push({
    [scrubbedHead === headDoc ? 'ConditionCheck' : 'Update']: {
      TableName: ctx.table,
      Key: { pk: head.pk, sk: head.sk },
      ...(scrubbedHead === headDoc
        ? {}
        : {
            UpdateExpression: 'SET #doc = :doc',
            ExpressionAttributeNames: { '#doc': HEAD.doc },
          }),
      // A move meanwhile (a decision quoting the customer): read again, erase that too.
      ConditionExpression: `${HEAD.version} = :v`,
      ExpressionAttributeValues: {
        ':v': head[HEAD.version] ?? { N: '0' },
        ...(scrubbedHead === headDoc ? {} : { ':doc': { S: scrubbedHead } }),
      },
    },
  });
  const erased = { ...claim, claimant: filed.claimant, description: filed.description };
  const shard = Number(bySk.get(CLAIM_SK.tally)?.shard?.N ?? shardOf(claim.id, ctx.shards));
  // Re-keyed, not deleted: the claim-change consumer writes the same from the erased claim.
  writes.push({ Put: { TableName: ctx.table, Item: searchItems(erased, shard).claimant } });
  writes.push({
    Delete: {
      TableName: ctx.table,
      Key: retentionKey(claim.shopId, { kind: 'claim', id: claim.id }),
    },
  });
  for (const ref of refs) {
    const Key = subjectRecordKey(claim.shopId, ref, { kind: 'claim', id: claim.id });
    writes.push({ Delete: { TableName: ctx.table, Key } });
  }
  return writes;
}

/** The webhook events (kept 30 days) that carried the claim: their bodies erased. */
async function scrubEvents(
  ctx: TableContext,
  claim: Claim,
  who: PersonIdentifiers,
): Promise<ErasedRecord[]> {
  const related: ErasedRecord[] = [];
  let start: Item | undefined;
  do {
    // No event of the claim is older than the claim.
    const page = await guarded(
      ctx.client.send(
        new QueryCommand({
          TableName: ctx.table,
          KeyConditionExpression: 'pk = :pk AND sk >= :from',
          FilterExpression: 'contains(#head, :id)',
          ExpressionAttributeNames: { '#head': 'head' },
          ExpressionAttributeValues: {
            ':pk': { S: eventPartition(claim.shopId) },
            ':from': { S: claim.createdAt },
            ':id': { S: claim.id },
          },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      ),
    );
    for (const event of page.Items ?? []) {
      await scrubEventItem(ctx.client, ctx.table, claim.shopId, event, who);
      const id = (JSON.parse(event.head?.S ?? '{}') as { id?: string }).id;
      if (id !== undefined) related.push({ kind: 'webhook_event', id });
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return related;
}

/** Deletes the claim's subject-index entries under `refs` (a plain delete each: idempotent). */
async function deleteIndexEntries(
  ctx: TableContext,
  shopId: string,
  claimId: string,
  refs: readonly string[],
): Promise<void> {
  if (refs.length === 0) return;
  await transact(
    ctx.client,
    refs.map((ref) => ({
      Delete: {
        TableName: ctx.table,
        Key: subjectRecordKey(shopId, ref, { kind: 'claim', id: claimId }),
      },
    })),
  );
}
