/**
 * An old claim partition → the new one (src/storage/dynamodb/claim-items.ts builds the items):
 *   HEAD     from the claim as last written (the old CLAIM item's `doc`, entries in place).
 *   BODY     the claim as first answered. With an Idempotency-Key still in its window (the
 *            migration's clock), exactly what a replay answered: the old first answer with its
 *            first entries inline. Otherwise the current document with the entries given at
 *            filing inline (a body without a live key is never replayed, and the current
 *            document reads back with every field where it was): the first `idemEvidence`
 *            entries when the key's record says how many (an expired key), else the leading
 *            entries added at the filing's instant (`addedAt` = `createdAt`; no move can add
 *            evidence at the instant the claim was created).
 *            Its first event: the old `filedEvent` map, or the old EVENT item of seq 1.
 *   EVIDENCE#<n>  each later entry (n > the body's count).
 *   LOG#<seq>     each old EVENT item of seq ≥ 2.
 *   MESSAGE#, NOTE#, REMEDY#  unchanged.
 *   IDEM#<shop>#<key>  {claimId, fingerprint, expiresAt} for a key still in its window, so a
 *            retry after the migration replays the same claim (returned, written by the caller:
 *            two claims may have used one key, the live one wins).
 * Each migrated claim is read back in memory as the new code joins it and compared with the
 * old answer: a difference is a warning in the report.
 */
import { isFinalStatus, type Claim, type ClaimEvent } from '../../src/domain/claim';
import { openClaimSubject } from '../../src/services/claims';
import type { Item } from '../../src/storage/dynamodb/codec';
import {
  claimBodyItem,
  claimHeadItem,
  evidenceItem,
  joinClaim,
  logItem,
  keyRecordItem,
} from '../../src/storage/dynamodb/claim-items';
import { CLAIM_SK, openClaimKey } from '../../src/storage/dynamodb/keys';
import {
  LEGACY_CLAIM_SK,
  legacyClaim,
  legacyEvent,
  legacyFiledEvent,
  legacyKeyRecord,
  withoutLegacyIndexes,
} from './legacy';
import type { Labeled } from './sink';

/** Old sort-key prefixes copied unchanged, and what they are. */
const UNCHANGED: readonly (readonly [string, string])[] = [
  [CLAIM_SK.messagePrefix, 'MESSAGE_SENT'],
  [CLAIM_SK.notePrefix, 'NOTE'],
  [CLAIM_SK.remedyPrefix, 'REMEDY'],
];

/** An idempotency record to write, and when it expires (to pick the live one per key). */
export interface KeyRecord {
  item: Item;
  expiresAt: number;
}

/** A migrated claim: its items, and what the run settles once every partition is read. */
export interface MigratedClaim {
  claim: Claim;
  items: Labeled[];
  bodyFromFirstAnswer: boolean;
  keyRecord?: KeyRecord;
  /** Its guard's key and subject, while it is open. */
  guard?: { key: Item; subject: string };
  /** EVIDENCE items beyond evidenceCount (not migrated), by sort key. */
  leftovers: string[];
  /** Items of no known kind in the partition (not migrated), by sort key. */
  unknown: string[];
  warnings: string[];
}

export interface ClaimMigrationContext {
  shards: number;
  /** The migration's clock, epoch seconds. */
  nowSeconds: number;
  /** The first answer an older version's IDEM# item kept for this claim (still in its window). */
  firstAnswer?: string | undefined;
}

/**
 * @example const migrated = await migrateClaim(partitionItems, { shards: 4, nowSeconds });
 */
export async function migrateClaim(
  partition: readonly Item[],
  ctx: ClaimMigrationContext,
): Promise<MigratedClaim | undefined> {
  const claimItem = partition.find((item) => item.sk?.S === LEGACY_CLAIM_SK.claim);
  if (claimItem === undefined) return undefined;
  const sk = (item: Item) => item.sk?.S ?? '';
  const evidence = partition.filter((item) => sk(item).startsWith(LEGACY_CLAIM_SK.evidencePrefix));
  const events = partition.filter((item) => sk(item).startsWith(LEGACY_CLAIM_SK.eventPrefix));
  const claim = legacyClaim(claimItem, evidence);
  const warnings: string[] = [];
  const filed = legacyFiledEvent(claimItem, events) ?? reconstructedFiling(claim, warnings);
  const { body, fromFirstAnswer, keyRecord } = firstAnswer(claimItem, claim, ctx);

  const bodyItem = await claimBodyItem(body, filed);
  const head = claimHeadItem(claim, ctx.shards);
  const later = claim.evidence
    .slice(body.evidence.length)
    .map((entry, i) => evidenceItem(claim.id, entry, body.evidence.length + i + 1));
  const items: Labeled[] = [
    { kind: 'CLAIM_HEAD', item: head },
    { kind: 'CLAIM_BODY', item: bodyItem },
    ...later.map((item) => ({ kind: 'EVIDENCE', item })),
    ...events
      .map(legacyEvent)
      .filter((event) => event.seq >= 2)
      .map((event) => ({ kind: 'LOG', item: logItem(event) })),
  ];
  const unknown: string[] = [];
  for (const item of partition) {
    const kind = UNCHANGED.find(([prefix]) => sk(item).startsWith(prefix))?.[1];
    if (kind !== undefined) items.push({ kind, item: withoutLegacyIndexes(item) });
    else if (!isClaimItem(sk(item))) unknown.push(sk(item));
  }
  await checkReadBack(claim, bodyItem, head, later, warnings);
  const open = !isFinalStatus(claim.status);
  const subject = openClaimSubject(claim);
  return {
    claim,
    items,
    bodyFromFirstAnswer: fromFirstAnswer,
    ...(keyRecord === undefined ? {} : { keyRecord }),
    ...(open ? { guard: { key: openClaimKey(claim, subject), subject } } : {}),
    leftovers: evidence.slice(claim.evidence.length).map(sk),
    unknown,
    warnings,
  };
}

/** The old claim item, its events and evidence (migrated above as the new items). */
const isClaimItem = (sk: string): boolean =>
  sk === LEGACY_CLAIM_SK.claim ||
  sk.startsWith(LEGACY_CLAIM_SK.eventPrefix) ||
  sk.startsWith(LEGACY_CLAIM_SK.evidencePrefix);

/** The claim as first answered (the body's document), and the key's record if still live. */
function firstAnswer(
  claimItem: Item,
  claim: Claim,
  ctx: ClaimMigrationContext,
): { body: Claim; fromFirstAnswer: boolean; keyRecord?: KeyRecord } {
  if (ctx.firstAnswer !== undefined) {
    return { body: JSON.parse(ctx.firstAnswer) as Claim, fromFirstAnswer: true };
  }
  const key = legacyKeyRecord(claimItem);
  if (key !== undefined && key.expiresAt >= ctx.nowSeconds) {
    const answer = JSON.parse(key.response) as Claim;
    // Replaced in place: the answer keeps its key order (as the old replay did).
    if (key.evidence !== undefined) answer.evidence = claim.evidence.slice(0, key.evidence);
    const item = keyRecordItem(claim.shopId, key.key, { ...key, claimId: claim.id });
    return { body: answer, fromFirstAnswer: true, keyRecord: { item, expiresAt: key.expiresAt } };
  }
  const filed = key?.evidence ?? filedAtCreation(claim);
  return { body: { ...claim, evidence: claim.evidence.slice(0, filed) }, fromFirstAnswer: false };
}

/** How many of the leading entries were added at the claim's creation instant. */
function filedAtCreation(claim: Claim): number {
  const later = claim.evidence.findIndex((entry) => entry.addedAt !== claim.createdAt);
  return later === -1 ? claim.evidence.length : later;
}

/** A claim with no first event at all (never written so by any version): as filing writes it. */
function reconstructedFiling(claim: Claim, warnings: string[]): ClaimEvent {
  warnings.push(`claim ${claim.id} had no filed event: one was made from its createdAt and shop`);
  return {
    claimId: claim.id,
    seq: 1,
    at: claim.createdAt,
    actor: { role: 'shop', id: claim.shopId },
    type: 'filed',
    to: 'submitted',
  };
}

/** The claim as the new code will join it must be the old answer, byte for byte. */
async function checkReadBack(
  claim: Claim,
  body: Item,
  head: Item,
  later: readonly Item[],
  warnings: string[],
): Promise<void> {
  const joined = JSON.stringify(await joinClaim(body, head, later));
  if (joined !== JSON.stringify(claim)) {
    warnings.push(
      `claim ${claim.id} reads back differently from the old answer (key order or entries)`,
    );
  }
}
