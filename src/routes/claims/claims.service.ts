/**
 * The application steps shared by the claim handlers: visibility, optimistic
 * concurrency, idempotent filing. No rules here (they are in src/domain) and
 * no DynamoDB (it is behind the repository).
 */
import type { Context } from 'hono';
import { getCalendar } from '../../domain/calendar';
import { fileClaim, type Claim, type ClaimChange, type NewClaim } from '../../domain/claim';
import { prepareClaim, type ClaimFiling } from '../../domain/claim/filing';
import { resolvePolicy } from '../../domain/policies';
import type { HonoEnv } from '../../hono-env';
import { actorOf } from '../../http/auth';
import { ProblemError } from '../../http/problem';
import { ConflictError, IdempotencyConflictError } from '../../storage/repository';
import { canonicalJson, sha256Hex } from './fingerprint';

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** Now, and today's date (UTC), from the injected clock. */
export function timeOf(c: Context<HonoEnv>) {
  const now = c.get('deps').clock();
  return { at: now.toISOString(), today: now.toISOString().slice(0, 10), epoch: now.getTime() };
}

/** The ETag of a claim version. */
export const etagOf = (claim: Claim) => `"${claim.version}"`;

/**
 * The claim, if the caller may see it. Another shop's claim is a 404 exactly
 * like a missing one, so its existence does not leak.
 */
export async function loadVisible(c: Context<HonoEnv>, id: string): Promise<Claim> {
  const principal = c.get('principal');
  const claim = await c.get('deps').storage.claims.get(id);
  if (!claim || (principal.role === 'shop' && claim.shopId !== principal.shopId)) {
    throw new ProblemError('notFound', `No claim ${id}.`);
  }
  return claim;
}

/** The version an `If-Match: "<version>"` header names, if any. */
const versionFromIfMatch = (header: string | undefined): number | undefined => {
  const match = header ? /^"(\d+)"$/.exec(header) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

export interface ApplyOptions {
  /** The version the caller saw; default: the `If-Match` header's, if sent. */
  expectedVersion?: number;
  /** The error for a stale version; default: a 412 problem. */
  stale?: (currentVersion: number) => Error;
}

/**
 * Loads, checks the expected version (If-Match, or a desk form's hidden
 * field), applies a pure change and writes it conditioned on the version
 * read: a move never overwrites a move it did not see.
 */
export async function applyChange(
  c: Context<HonoEnv>,
  id: string,
  change: (
    claim: Claim,
    ctx: { at: string; today: string; by: ReturnType<typeof actorOf> },
  ) => ClaimChange | ClaimChange[],
  options: ApplyOptions = {},
): Promise<Claim> {
  const claim = await loadVisible(c, id);
  const expected = options.expectedVersion ?? versionFromIfMatch(c.req.header('if-match'));
  const stale =
    options.stale ??
    ((current: number) =>
      new ProblemError(
        'preconditionFailed',
        `If-Match "${expected}" is stale; the claim is at version ${current}.`,
        { currentVersion: current },
      ));
  if (expected !== undefined && expected !== claim.version) throw stale(claim.version);
  const { at, today } = timeOf(c);
  const changes = [change(claim, { at, today, by: actorOf(c.get('principal')) })].flat();
  const last = changes[changes.length - 1];
  if (!last) return claim;
  try {
    const events = changes.map((ch) => ch.event);
    return await c.get('deps').storage.claims.update(last.claim, claim.version, events);
  } catch (err) {
    // Moved between our read and our write: with an expected version, that precondition is stale.
    if (err instanceof ConflictError && expected !== undefined) throw stale(claim.version + 1);
    throw err;
  }
}

/**
 * What filing computes (amount, lines, checklist, deadlines) with the policy
 * and calendar the filing names: used to file and, on the desk, to preview.
 */
export function prepareFor(c: Context<HonoEnv>, filing: ClaimFiling, shopId: string): NewClaim {
  const { at, today } = timeOf(c);
  const calendarCountry = filing.type === 'late' ? (filing.shipment.calendar ?? 'RU') : 'RU';
  return prepareClaim(filing, {
    policy: resolvePolicy(filing.carrier, '/carrier'),
    calendar: getCalendar(calendarCountry),
    shopId,
    today,
    at,
  });
}

export interface FilingAnswer {
  claim: Claim;
  replayed: boolean;
}

/**
 * Files a claim for the calling shop (shop keys) or, from the clerk desk, for
 * a chosen shop (clerk keys). The claim, its first event and (with an
 * Idempotency-Key) the key's record are written in one atomic write: a retry
 * gets the first answer back, a different body under the same key a 422.
 */
export async function fileClaimFor(
  c: Context<HonoEnv>,
  filing: ClaimFiling,
  options: { shopId: string; idempotencyKey?: string },
): Promise<FilingAnswer> {
  const deps = c.get('deps');
  const { at, epoch } = timeOf(c);
  const prepared = prepareFor(c, filing, options.shopId);
  const by = actorOf(c.get('principal'));
  const { claim, event } = fileClaim(prepared, { id: deps.newId(), at, by });
  const key = options.idempotencyKey;
  if (!key) {
    await deps.storage.claims.create(claim, event);
    return { claim, replayed: false };
  }
  const fingerprint = await sha256Hex(canonicalJson(filing));
  const result = await deps.storage.claims.create(claim, event, {
    shopId: options.shopId,
    key,
    fingerprint,
    expiresAt: Math.floor(epoch / 1000) + IDEMPOTENCY_TTL_SECONDS,
  });
  if (result.created) return { claim: result.claim, replayed: false };
  if (result.replay.fingerprint !== fingerprint) throw new IdempotencyConflictError(key);
  return { claim: JSON.parse(result.replay.response) as Claim, replayed: true };
}

/** POST /v1/claims: a shop files for itself (the contract admits shop keys only). */
export function fileForShop(c: Context<HonoEnv>, filing: ClaimFiling): Promise<FilingAnswer> {
  const shop = c.get('principal');
  const key = c.req.header('idempotency-key');
  return fileClaimFor(c, filing, {
    shopId: shop.shopId ?? '',
    ...(key ? { idempotencyKey: key } : {}),
  });
}
