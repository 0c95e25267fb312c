/**
 * Changing a claim: the new claim (if still at the expected version), its event(s),
 * the evidence entries it adds (an item each) and, when the move settles the claim,
 * the release of its open-claim guard, in one transaction, so the history never
 * misses or invents a change. The claim's attributes are rewritten by an UpdateItem,
 * not replaced by a Put, so what filing stored beside them (the filed event, the
 * idempotency record) stays as it was.
 */
import {
  PutItemCommand,
  type DynamoDBClient,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { isFinalStatus, type Claim, type ClaimEvent } from '../../domain/claim';
import { ConflictError, NotFoundError } from '../errors';
import { numberOf, type Item } from './codec';
import { toStorageError } from './errors';
import {
  claimKey,
  claimToItem,
  EVIDENCE_COUNT,
  eventToItem,
  evidenceToItem,
  INDEX_ATTRIBUTES,
  openClaimKey,
} from './items';
import { readItem } from './read';
import { statusCountItems } from './status-counts';
import { aggregateItems } from './aggregates';
import { transact } from './transact';
import { removedByMove } from './unacknowledged';

/**
 * `current`: the claim item keeps its evidence as items (written since evidence left the
 * claim item). `legacy`: its entries are still inside `doc`; this move writes them all out.
 */
type Layout = 'current' | 'legacy';

/**
 * @example
 * await updateClaim(client, table, claim, next, [event], { openClaim: 'waybill:W1' }); // next.version === claim.version + 1
 */
export async function updateClaim(
  client: DynamoDBClient,
  table: string,
  previous: Claim,
  next: Claim,
  events: readonly ClaimEvent[],
  options: { openClaim?: string | undefined } = {},
): Promise<Claim> {
  assertConsecutive(previous, next, events);
  const settles = !isFinalStatus(previous.status) && isFinalStatus(next.status);
  let release = settles && options.openClaim !== undefined ? options.openClaim : undefined;
  let layout: Layout = 'current';
  for (;;) {
    if (layout === 'legacy') await writeAllEvidence(client, table, next);
    const items = moveItems(table, previous, next, events, layout, release);
    const outcome = await transact(client, items);
    if (outcome.committed) return next;
    const [claimReason] = outcome.reasons;
    const guardIndex = items.length - 1;
    if (release !== undefined && claimReason?.code !== 'ConditionalCheckFailed') {
      if (outcome.reasons[guardIndex]?.code === 'ConditionalCheckFailed') {
        // Another open claim holds the key (this one was filed before guards): leave it.
        release = undefined;
        continue;
      }
    }
    const current = claimReason?.item ?? (await readItem(client, table, claimKey(next.id)));
    if (current === undefined) throw new NotFoundError('claim', next.id);
    const version = numberOf(current, 'version');
    if (version === previous.version && current.shopId?.S !== next.shopId) {
      throw new RangeError(`claim ${next.id} cannot move to another shop`);
    }
    if (version === previous.version && layout === 'current' && !(EVIDENCE_COUNT in current)) {
      layout = 'legacy';
      continue;
    }
    throw new ConflictError(
      `claim ${next.id} is at version ${version}, not ${previous.version}`,
      version,
    );
  }
}

function moveItems(
  table: string,
  previous: Claim,
  next: Claim,
  events: readonly ClaimEvent[],
  layout: Layout,
  release: string | undefined,
): TransactWriteItem[] {
  const { pk: _pk, sk: _sk, ...attributes } = claimToItem(next);
  const names: Record<string, string> = {
    '#version': 'version',
    '#shopId': 'shopId',
    '#evidenceCount': EVIDENCE_COUNT,
  };
  const values: Item = {
    ':expected': { N: String(previous.version) },
    ':shopId': { S: next.shopId },
  };
  const sets = Object.entries(attributes).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  // An index key the new claim has no value for (e.g. `openPk` once settled) leaves that index.
  const gone = (name: string) => !(name in attributes) && removedByMove(name, next);
  const removes = INDEX_ATTRIBUTES.filter(gone).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  const evidenceLayout =
    layout === 'current'
      ? 'attribute_exists(#evidenceCount)'
      : 'attribute_not_exists(#evidenceCount)';
  const items: TransactWriteItem[] = [
    {
      Update: {
        TableName: table,
        Key: claimKey(next.id),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        // Optimistic lock: only the writer that read `previous.version` may replace it (a
        // lost race is a 409/412, never a silent overwrite). It also fails for a missing
        // claim, so an update never creates one. A claim never changes owner (shopId), and
        // the evidence is where this move expects it (items, or a legacy `doc`).
        ConditionExpression: `#version = :expected AND #shopId = :shopId AND ${evidenceLayout}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        // The stored claim comes back with the cancellation: its version for the 409.
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    ...events.map((event): TransactWriteItem => ({
      // History is append-only: each (claim, seq) slot is written once.
      Put: {
        TableName: table,
        Item: eventToItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
    ...statusCountItems(table, previous, next),
    ...aggregateItems(table, previous, next),
  ];
  if (layout === 'current') {
    // The entries this move adds. No condition: the version lock makes this move the only
    // writer of these slots, and a slot a failed move left behind is overwritten.
    for (let i = previous.evidence.length; i < next.evidence.length; i++) {
      items.push({
        Put: { TableName: table, Item: evidenceToItem(next.id, next.evidence[i]!, i + 1) },
      });
    }
  }
  if (release !== undefined) {
    items.push({
      Delete: {
        TableName: table,
        Key: openClaimKey(next, release),
        // Only this claim's own guard (or none: a claim filed before guards had none).
        ConditionExpression: 'attribute_not_exists(pk) OR claimId = :claimId',
        ExpressionAttributeValues: { ':claimId': { S: next.id } },
      },
    });
  }
  return items;
}

/**
 * A legacy claim's first move writes every entry out as an item, before the transaction
 * that switches the claim item to them (reads ignore the items until it commits).
 */
async function writeAllEvidence(client: DynamoDBClient, table: string, next: Claim) {
  const puts = next.evidence.map((entry, i) => evidenceToItem(next.id, entry, i + 1));
  for (let i = 0; i < puts.length; i += 16) {
    await Promise.all(
      puts.slice(i, i + 16).map(async (Item) => {
        try {
          await client.send(new PutItemCommand({ TableName: table, Item }));
        } catch (error) {
          throw toStorageError(error, { write: true });
        }
      }),
    );
  }
}

function assertConsecutive(previous: Claim, next: Claim, events: readonly ClaimEvent[]): void {
  const expected = previous.version;
  const ok =
    events.length > 0 &&
    next.id === previous.id &&
    next.version === expected + events.length &&
    events.every((event, i) => event.claimId === next.id && event.seq === expected + 1 + i);
  if (!ok) {
    throw new RangeError(
      `events must carry seq ${expected + 1}..${next.version} of claim ${next.id}`,
    );
  }
  const kept = previous.evidence.every((entry, i) => next.evidence[i]?.id === entry.id);
  if (!kept || next.evidence.length < previous.evidence.length) {
    throw new RangeError(`a move only appends evidence to claim ${next.id}`);
  }
}
