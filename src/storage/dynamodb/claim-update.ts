/**
 * Changing a claim: its new head (if the claim is still at the expected version), its
 * event(s), the evidence entries it adds (an item each) and, when the move settles the
 * claim, the release of its open-claim guard, in one transaction, so the history never
 * misses or invents a change. The body, written once at filing, is not touched: a move
 * pays for the small head only (and for the index entries whose keys it changes).
 */
import type { DynamoDBClient, TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { isFinalStatus, type Claim, type ClaimEvent } from '../../domain/claim';
import { ConflictError, NotFoundError } from '../errors';
import { numberOf } from './codec';
import { claimHeadItem, evidenceItem, HEAD, logEventOf, logItem } from './claim-items';
import { claimHeadKey, claimLogKey, openClaimKey } from './keys';
import { readItem } from './read';
import { transact } from './transact';

/**
 * @example
 * await updateClaim(client, table, 4, claim, next, [event], { openClaim: 'waybill:W1' }); // next.version === claim.version + 1
 */
export async function updateClaim(
  client: DynamoDBClient,
  table: string,
  shards: number,
  previous: Claim,
  next: Claim,
  events: readonly ClaimEvent[],
  options: { openClaim?: string | undefined } = {},
): Promise<Claim> {
  assertConsecutive(previous, next, events);
  const settles = !isFinalStatus(previous.status) && isFinalStatus(next.status);
  let release = settles && options.openClaim !== undefined ? options.openClaim : undefined;
  for (;;) {
    const items = moveItems(table, shards, previous, next, events, release);
    const outcome = await transact(client, items);
    if (outcome.committed) return next;
    const head = await readItem(client, table, claimHeadKey(next.id));
    if (head === undefined) throw new NotFoundError('claim', next.id);
    const version = numberOf(head, HEAD.version) ?? 0;
    if (version === previous.version) {
      if (head[HEAD.shopId]?.S !== next.shopId) {
        throw new RangeError(`claim ${next.id} cannot move to another shop`);
      }
      if (release !== undefined && outcome.reasons.at(-1)?.code === 'ConditionalCheckFailed') {
        // Another open claim holds the key: two open claims on one subject that a migrated
        // table kept (filed before guards existed; the migration warns of them). Leave it.
        release = undefined;
        continue;
      }
    }
    // An SDK retry of an attempt that had committed: the head and our last event are there.
    if (version === next.version && (await isOurs(client, table, events.at(-1)!))) return next;
    throw new ConflictError(`claim ${next.id} is at version ${version}, not ${previous.version}`, {
      currentVersion: version,
    });
  }
}

function moveItems(
  table: string,
  shards: number,
  previous: Claim,
  next: Claim,
  events: readonly ClaimEvent[],
  release: string | undefined,
): TransactWriteItem[] {
  const items: TransactWriteItem[] = [
    {
      Put: {
        TableName: table,
        Item: claimHeadItem(next, shards),
        // Optimistic lock: only the writer that read `previous.version` may replace it (a lost
        // race is a 409/412, never a silent overwrite). It also fails for a missing claim, so
        // a move never creates one; and a claim never changes owner.
        ConditionExpression: '#version = :expected AND #shopId = :shopId',
        ExpressionAttributeNames: { '#version': HEAD.version, '#shopId': HEAD.shopId },
        ExpressionAttributeValues: {
          ':expected': { N: String(previous.version) },
          ':shopId': { S: next.shopId },
        },
      },
    },
    // History is append-only: each (claim, seq) slot is written once.
    ...events.map((event) => ({
      Put: {
        TableName: table,
        Item: logItem(event),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  ];
  // The entries this move adds. No condition: the version lock makes this move the only
  // writer of these slots, and a slot a failed move left behind is overwritten.
  for (let i = previous.evidence.length; i < next.evidence.length; i++) {
    items.push({
      Put: { TableName: table, Item: evidenceItem(next.id, next.evidence[i]!, i + 1) },
    });
  }
  if (release !== undefined) {
    items.push({
      Delete: {
        TableName: table,
        Key: openClaimKey(next, release),
        // Only this claim's own guard (or none: the other of two migrated open claims has it).
        ConditionExpression: 'attribute_not_exists(pk) OR claimId = :claimId',
        ExpressionAttributeValues: { ':claimId': { S: next.id } },
      },
    });
  }
  return items;
}

/** Whether the stored event at `event.seq` is this one (our own write, retried by the SDK). */
async function isOurs(client: DynamoDBClient, table: string, event: ClaimEvent): Promise<boolean> {
  const stored = await readItem(client, table, claimLogKey(event.claimId, event.seq));
  return stored !== undefined && JSON.stringify(logEventOf(stored)) === JSON.stringify(event);
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
