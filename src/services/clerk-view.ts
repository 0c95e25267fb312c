/**
 * What a caller is answered about the clerks, in one place. The claim's stored data names
 * a clerk by its API key's id (`assignee.id`; `clerk:<keyId>` as an actor in the history,
 * a decision, a payment, a remedy, an evidence file): the desk and clerk keys need it
 * ("assigned to me" compares `assignee.id` with the caller's key id). The key id is the
 * first half of the clerk's API key, so a shop key never gets it: every answer to a shop
 * names a clerk by a stable, meaningless reference instead, `clerk_` + 16 hex digits
 * (the same for the same clerk everywhere, a different one per clerk), and the desk's name
 * for the clerk (a colleague's name, or the key id when it has none) as just "a clerk".
 * Nothing stored changes; only what a shop is answered.
 *
 * The services are wrapped here (`viewedClaims`, …): what the API and the desk call
 * answers through the view, while the services calling one another read the claim as it
 * is stored, so a mapped value is never written back.
 */
import type { Claim, ClaimAssignee, ClaimEvent } from '../domain/claim';
import type { CustomerSide, Remedy } from '../domain/remedy';
import { keyedReference } from '../lib/reference';
import type { ClaimNote, Page } from '../storage/repository';
import type { Principal } from './actor';
import type { ClaimService } from './claims';
import type { EvidenceFile, EvidenceFileService } from './evidence-files';
import type { RemedyService } from './remedies';
import type { ShipmentClaimService } from './shipment-claims';
import type { CaseworkService } from './casework';

/** What a shop reads as a clerk's name. */
export const CLERK_NAME_FOR_SHOPS = 'a clerk';

/** The prefix of a clerk's reference; a key id in the history is `clerk:` + the id. */
const REFERENCE_PREFIX = 'clerk_';
const CLERK_ACTOR_PREFIX = 'clerk:';

/** The HKDF label of the references' key: another label is another key, from the same secret. */
export const CLERK_REFERENCE_PURPOSE = 'parcel-claims clerk reference v1';

/**
 * The secret of a Worker configured with neither CURSOR_SECRET nor DESK_SESSION_SECRET
 * (local, dev, tests): known to anyone who reads this code, as the cursors' local key is.
 * Production sets one of them (the README's configuration table).
 */
export const LOCAL_REFERENCE_SECRET = 'parcel-claims local clerk reference secret';

/** The parts of a claim (or its listing summary) that name a clerk. */
type ClaimParts = Pick<Claim, 'assignee' | 'decision' | 'payment'> & { customer?: CustomerSide };

/** One caller's view: the identity for a clerk key, the clerk references for a shop key. */
export interface ClerkView {
  claim<T extends ClaimParts>(claim: T): Promise<T>;
  page<T extends ClaimParts>(page: Page<T>): Promise<Page<T>>;
  events(events: readonly ClaimEvent[]): Promise<ClaimEvent[]>;
  remedy(remedy: Remedy): Promise<Remedy>;
  file(file: EvidenceFile): Promise<EvidenceFile>;
  note(note: ClaimNote): Promise<ClaimNote>;
}

/** The view of each caller. */
export type ClerkViews = (principal: Principal) => ClerkView;

const AS_STORED: ClerkView = {
  claim: (claim) => Promise.resolve(claim),
  page: (page) => Promise.resolve(page),
  events: (events) => Promise.resolve([...events]),
  remedy: (remedy) => Promise.resolve(remedy),
  file: (file) => Promise.resolve(file),
  note: (note) => Promise.resolve(note),
};

/** A shop's view, naming each clerk by `referenceOf(keyId)`. */
function shopView(referenceOf: (keyId: string) => Promise<string>): ClerkView {
  const clerk = async (keyId: string) => `${REFERENCE_PREFIX}${await referenceOf(keyId)}`;
  /** An actor id as the history, a decision or a remedy store it: a shop's id stays. */
  const actor = (id: string) =>
    id.startsWith(CLERK_ACTOR_PREFIX) ? clerk(id.slice(CLERK_ACTOR_PREFIX.length)) : id;
  const assignee = async (who: ClaimAssignee): Promise<ClaimAssignee> => ({
    id: await clerk(who.id),
    name: CLERK_NAME_FOR_SHOPS,
  });
  const remedy = async (r: Remedy): Promise<Remedy> => ({
    ...r,
    offeredBy: await actor(r.offeredBy),
    ...(r.answeredBy === undefined ? {} : { answeredBy: await actor(r.answeredBy) }),
  });
  const claim = async <T extends ClaimParts>(c: T): Promise<T> => {
    const { assignee: taker, decision, payment, customer } = c;
    return {
      ...c,
      ...(taker ? { assignee: await assignee(taker) } : {}),
      ...(decision
        ? { decision: { ...decision, decidedBy: await actor(decision.decidedBy) } }
        : {}),
      ...(payment ? { payment: { ...payment, recordedBy: await actor(payment.recordedBy) } } : {}),
      ...(customer
        ? { customer: { ...customer, remedies: await Promise.all(customer.remedies.map(remedy)) } }
        : {}),
    };
  };
  return {
    claim,
    page: async (page) => ({ ...page, items: await Promise.all(page.items.map(claim)) }),
    events: (events) =>
      Promise.all(
        events.map(async (e) => ({ ...e, actor: { ...e.actor, id: await actor(e.actor.id) } })),
      ),
    remedy,
    file: async (file) => ({ ...file, uploadedBy: await actor(file.uploadedBy) }),
    note: async (note) => ({ ...note, author: await assignee(note.author) }),
  };
}

/**
 * The views under `secret`: CURSOR_SECRET, else DESK_SESSION_SECRET, as the list cursors
 * take theirs (under its own HKDF label). A reference is stable while that secret is kept;
 * rotating it gives every clerk a new one (nothing stored holds a reference).
 *
 * @example
 * const views = clerkViews(secret);
 * await views(shopPrincipal).claim(claim); // assignee: { id: 'clerk_9c1f…', name: 'a clerk' }
 * await views(clerkPrincipal).claim(claim); // as stored
 */
export function clerkViews(secret: string): ClerkViews {
  const shop = shopView(keyedReference(secret, CLERK_REFERENCE_PURPOSE));
  return (principal) => (principal.role === 'clerk' ? AS_STORED : shop);
}

// ——— the services as the API and the desk call them ———
// Each lists every method of its service (no spread), so a method added later does not
// reach a shop unviewed: the compiler asks what it answers.

/** @example const claims = viewedClaims(createClaimService(deps), views); */
export function viewedClaims(claims: ClaimService, views: ClerkViews): ClaimService {
  return {
    today: claims.today,
    // What filing would compute: no clerk in it yet.
    preview: claims.preview,
    async file(actor, filing, options) {
      const answer = await claims.file(actor, filing, options);
      return { ...answer, claim: await views(actor).claim(answer.claim) };
    },
    get: async (actor, id) => views(actor).claim(await claims.get(actor, id)),
    history: async (actor, id) => views(actor).events(await claims.history(actor, id)),
    list: async (actor, query) => views(actor).page(await claims.list(actor, query)),
    move: async (actor, id, command, options) =>
      views(actor).claim(await claims.move(actor, id, command, options)),
  };
}

/** @example const casework = viewedCasework(createCaseworkService(deps), views); */
export function viewedCasework(casework: CaseworkService, views: ClerkViews): CaseworkService {
  return {
    assign: async (actor, id, options) =>
      views(actor).claim(await casework.assign(actor, id, options)),
    unassign: async (actor, id, options) =>
      views(actor).claim(await casework.unassign(actor, id, options)),
    // Notes are the desk's own (a shop key is a 403 before this); viewed all the same.
    addNote: async (actor, id, text) => views(actor).note(await casework.addNote(actor, id, text)),
    notes: async (actor, id) => {
      const view = views(actor);
      return Promise.all((await casework.notes(actor, id)).map((n) => view.note(n)));
    },
    counts: casework.counts,
    search: async (actor, query) => views(actor).page(await casework.search(actor, query)),
  };
}

/** @example const remedies = viewedRemedies(createRemedyService(deps), views); */
export function viewedRemedies(remedies: RemedyService, views: ClerkViews): RemedyService {
  return {
    list: async (actor, claimId) => {
      const view = views(actor);
      return Promise.all((await remedies.list(actor, claimId)).map((r) => view.remedy(r)));
    },
    ofClaim: async (actor, claim) => {
      const view = views(actor);
      return Promise.all((await remedies.ofClaim(actor, claim)).map((r) => view.remedy(r)));
    },
    withCustomer: async (actor, claimId) =>
      views(actor).claim(await remedies.withCustomer(actor, claimId)),
    offer: async (actor, claimId, offer) =>
      views(actor).remedy(await remedies.offer(actor, claimId, offer)),
    answer: async (actor, claimId, id, answer) =>
      views(actor).remedy(await remedies.answer(actor, claimId, id, answer)),
  };
}

/** @example const files = viewedEvidenceFiles(createEvidenceFileService(deps), views); */
export function viewedEvidenceFiles(
  files: EvidenceFileService,
  views: ClerkViews,
): EvidenceFileService {
  return {
    upload: async (actor, claimId, evidenceId, upload) =>
      views(actor).file(await files.upload(actor, claimId, evidenceId, upload)),
    async open(actor, claimId, evidenceId) {
      const opened = await files.open(actor, claimId, evidenceId);
      return { ...opened, file: await views(actor).file(opened.file) };
    },
    list: async (actor, claimId) => {
      const view = views(actor);
      return Promise.all((await files.list(actor, claimId)).map((f) => view.file(f)));
    },
  };
}

/** @example const shipmentClaims = viewedShipmentClaims(createShipmentClaimService(deps), views); */
export function viewedShipmentClaims(
  shipmentClaims: ShipmentClaimService,
  views: ClerkViews,
): ShipmentClaimService {
  return {
    async file(principal, shipmentId, request, options) {
      const answer = await shipmentClaims.file(principal, shipmentId, request, options);
      return { ...answer, claim: await views(principal).claim(answer.claim) };
    },
    preview: shipmentClaims.preview,
    // A shipment's claims are their ids, statuses and sums (claimRef): no clerk in them.
    getShipment: shipmentClaims.getShipment,
    getOrder: shipmentClaims.getOrder,
  };
}
