/**
 * The clerk's casework beside the status moves: taking a claim ("assign to me"),
 * internal notes, the counts behind the queue's tabs, and the queue's search (one box
 * that tries what the text looks like). Shared by the API and the desk; it knows no HTTP.
 */
import { ClaimNotFoundError, isFinalStatus, type Claim } from '../domain/claim';
import { DomainError } from '../domain/errors';
import type {
  ClaimNote,
  ClaimSummary,
  Page,
  SearchField,
  StatusCountFigures,
  Storage,
} from '../storage/repository';
import { fromBase64Url, toBase64Url } from '../lib/base64url';
import { searchPrefix } from '../storage/claim-search';
import { clerkOnlyFilter, shopScope, type Principal } from './actor';
import type { ClaimListQuery, ClaimService, MoveOptions } from './claims';

/** Where a search looks: one field, a claim id, or (none given) what the text looks like. */
export type SearchIn = SearchField | 'id';
export const NOTE_MAX_LENGTH = 2000;

/**
 * The fields a search text is tried in: a claim id; digits (a phone's ending or a waybill's
 * start); anything else a name, an order id or a waybill (some carriers' have letters).
 *
 * @example searchFieldsFor('+7 912') // ['phone', 'waybill']
 */
export function searchFieldsFor(text: string): SearchIn[] {
  // NFKC as the search keys (../storage/claim-search.ts): full-width `９１２` reads as digits.
  const t = text.normalize('NFKC').trim();
  if (/^clm_/i.test(t)) return ['id'];
  if (/^[+\d\s()-]+$/.test(t) && /\d/.test(t)) return ['phone', 'waybill'];
  return ['name', 'orderId', 'waybill'];
}

/** A listing's cursor per field, for a search of several fields (each sealed by storage). */
const encodeCursors = (cursors: Partial<Record<SearchIn, string>>): string =>
  toBase64Url(new TextEncoder().encode(JSON.stringify(cursors)));

function decodeCursors(cursor: string): Partial<Record<SearchIn, string>> {
  try {
    const bytes = fromBase64Url(cursor);
    if (bytes === undefined) throw new RangeError('not base64url');
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof parsed === 'object' && parsed !== null) {
      return Object.fromEntries(
        Object.entries(parsed).filter((e): e is [SearchIn, string] => typeof e[1] === 'string'),
      );
    }
  } catch {
    // Not ours: refused below.
  }
  throw new DomainError('invalid-input', 'cursor is not a cursor of this search', '/cursor');
}

const summaryOf = (claim: Claim): ClaimSummary => {
  const { evidence, ...rest } = claim;
  return { ...rest, evidenceCount: evidence.length };
};

/** A search: the text, where to look, the listing's other filters and its page. */
export type ClaimSearchQuery = ClaimListQuery & { q: string; in?: SearchIn | undefined };

/**
 * @example
 * const casework = createCaseworkService({ storage, clock, claims });
 * await casework.assign(principal, 'clm_…', { expectedVersion: 3 });
 */
export function createCaseworkService(deps: {
  storage: Storage;
  clock: () => Date;
  claims: ClaimService;
}) {
  const { storage, claims } = deps;

  /** The caller as an assignee or author: key id and display name (the id when it has none). */
  const clerkOf = async (actor: Principal) => {
    const record = await storage.apiKeys.get(actor.keyId);
    return { id: actor.keyId, name: record?.displayName ?? actor.keyId };
  };

  const byId = async (actor: Principal, id: string): Promise<ClaimSummary[]> => {
    try {
      return [summaryOf(await claims.get(actor, id.trim().toLowerCase()))];
    } catch (error) {
      if (error instanceof ClaimNotFoundError) return [];
      throw error;
    }
  };

  /** Whether a claim read by its id passes the listing's other filters. */
  const matching =
    (filters: Omit<ClaimListQuery, 'limit' | 'cursor'>, now: Date) =>
    (claim: ClaimSummary): boolean => {
      const today = now.toISOString().slice(0, 10);
      const open = !isFinalStatus(claim.status);
      return (
        (filters.shopId === undefined || claim.shopId === filters.shopId) &&
        (filters.status === undefined || claim.status === filters.status) &&
        (filters.type === undefined || claim.type === filters.type) &&
        (filters.carrier === undefined || claim.carrier === filters.carrier) &&
        (filters.waybill === undefined || claim.waybill === filters.waybill) &&
        (filters.assigneeId === undefined || claim.assignee?.id === filters.assigneeId) &&
        (!filters.overdue || (open && claim.answerDueBy < today)) &&
        (filters.sort !== 'due' && filters.sort !== 'due_latest' ? true : open)
      );
    };

  return {
    /**
     * The claim assigned to the calling clerk (taken over from another), recorded in its
     * history; conditioned like a move on `expectedVersion`.
     */
    async assign(actor: Principal, id: string, options: MoveOptions = {}): Promise<Claim> {
      const assignee = await clerkOf(actor);
      return await claims.move(actor, id, { type: 'assign', assignee }, options);
    },

    /** Nobody on the claim any more (recorded in its history). */
    unassign: (actor: Principal, id: string, options: MoveOptions = {}): Promise<Claim> =>
      claims.move(actor, id, { type: 'unassign' }, options),

    /**
     * Adds an internal note (1..2000 characters) to a claim.
     *
     * @throws {DomainError} `invalid-input` on `/text` for an empty or too long note.
     */
    async addNote(actor: Principal, id: string, text: string): Promise<ClaimNote> {
      const trimmed = text.trim();
      if (trimmed.length === 0 || trimmed.length > NOTE_MAX_LENGTH) {
        throw new DomainError(
          'invalid-input',
          `text must be 1 to ${NOTE_MAX_LENGTH} characters`,
          '/text',
        );
      }
      const claim = await claims.get(actor, id);
      const at = deps.clock().toISOString();
      const author = await clerkOf(actor);
      return await storage.notes.add({ claimId: claim.id, at, author, text: trimmed });
    },

    /** The claim's internal notes, oldest first. */
    async notes(actor: Principal, id: string): Promise<ClaimNote[]> {
      const claim = await claims.get(actor, id);
      return await storage.notes.list(claim.id);
    },

    /**
     * Claims per status, and how many wait for their acknowledgement: a shop's own; a clerk's
     * every shop's, or one shop's. Kept off the request path, so as of `asOf` (a change may
     * take seconds to show).
     */
    counts(actor: Principal, shopId?: string): Promise<StatusCountFigures> {
      return storage.statusCounts.counts(shopScope(actor, shopId, 'counts'));
    },

    /**
     * A search: a claim id is read directly; one field is a listing of its search index;
     * several (the text's guess) are read together, each up to its share of `limit`, and
     * continued with one cursor that carries each field's.
     */
    async search(actor: Principal, query: ClaimSearchQuery): Promise<Page<ClaimSummary>> {
      const { q, in: where, cursor, limit, ...filters } = query;
      // Before the text picks a way to read: a search by id answers the same refusal as one
      // by a field (the listing's), never an empty page.
      shopScope(actor, filters.shopId, 'claims');
      clerkOnlyFilter(actor, 'assignee', filters.assigneeId);
      const asked = where ? [where] : searchFieldsFor(q);
      if (asked.length === 1 && asked[0] === 'id') {
        return { items: (await byId(actor, q)).filter(matching(filters, deps.clock())) };
      }
      // A field the text has nothing for (a phone search without digits) is not read.
      const fields = asked.filter(
        (f): f is SearchField => f !== 'id' && searchPrefix({ field: f, text: q }) !== '',
      );
      if (fields.length === 0) {
        throw new DomainError(
          'invalid-input',
          `q has nothing to search ${asked.join(', ')} by`,
          '/q',
        );
      }
      const single = fields.length === 1;
      const cursors = cursor === undefined || single ? undefined : decodeCursors(cursor);
      const wanted = fields.filter((f) => !cursors || cursors[f] !== undefined);
      // `limit` shared out among the fields read (at least one each), so a page holds no more.
      const share = (i: number) =>
        Math.max(1, Math.floor(limit / wanted.length) + (i < limit % wanted.length ? 1 : 0));
      const pages = await Promise.all(
        wanted.map(async (field, i) => {
          const from = single ? cursor : cursors?.[field];
          const search = { field, text: q };
          const page = await claims.list(actor, {
            ...filters,
            search,
            limit: single ? limit : share(i),
            cursor: from,
          });
          return { field, page };
        }),
      );
      const seen = new Set<string>();
      const items = pages
        .flatMap(({ page }) => page.items)
        .filter((claim) => !seen.has(claim.id) && seen.add(claim.id));
      const next = Object.fromEntries(
        pages.flatMap(({ field, page }) => (page.nextCursor ? [[field, page.nextCursor]] : [])),
      );
      if (Object.keys(next).length === 0) return { items };
      return { items, nextCursor: single ? Object.values(next)[0] : encodeCursors(next) };
    },
  };
}

export type CaseworkService = ReturnType<typeof createCaseworkService>;
