/**
 * The claim record and its history event, as stored and as answered.
 * Money travels as decimal strings and dates as ISO strings, so a stored claim
 * reads back byte-for-byte identical to what was answered at filing.
 */
import type { DamagedInput, LateInput, LateResult, LossResult, LostInput } from '../compensation';
import type { EvidenceKind } from '../evidence';
import type { MoneyJson } from '../money';
import type { ClaimCause } from './cause';

/** The calculator input of a claim (its carrier is the claim's), stored verbatim. */
export type ClaimShipment =
  Omit<LateInput, 'carrier'> | Omit<LostInput, 'carrier'> | Omit<DamagedInput, 'carrier'>;

/** What the calculators computed at filing, stored verbatim. */
export type ClaimCompensation = LateResult | LossResult;

/** What went wrong with the shipment. */
export const CLAIM_TYPES = ['late', 'lost', 'damaged'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** Every status a claim can be in; the moves between them are in `status.ts`. */
export const CLAIM_STATUSES = [
  'submitted',
  'in_review',
  'approved',
  'partially_approved',
  'rejected',
  'needs_info',
  'paid',
  'cancelled',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Who acts on a claim: a shop (through its key) or a clerk of the claims desk. */
export const ACTOR_ROLES = ['shop', 'clerk'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];
export interface ClaimActor {
  role: ActorRole;
  id: string;
}

/** An amount as a decimal string with its ISO 4217 code, never a JS number. */
export type ClaimMoney = MoneyJson;

export interface ClaimEvidence {
  /** `ev_1`, `ev_2`, …: its place in the claim's evidence, so unique within the claim. */
  id: string;
  kind: EvidenceKind;
  name: string;
  url?: string;
  addedAt: string;
}

/** A clerk's decision; `approvedAmount` only for a (partial) approval. */
export interface ClaimDecision {
  decision: 'approved' | 'partially_approved' | 'rejected' | 'needs_info';
  reason: string;
  approvedAmount?: ClaimMoney;
  /** Required by the HTTP layer when `approvedAmount` exceeds the computed amount. */
  overrideReason?: string;
  decidedBy: string;
  decidedAt: string;
}

export interface ClaimPayment {
  amount: ClaimMoney;
  /** YYYY-MM-DD */
  paidOn: string;
  reference: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Claimant {
  name: string;
  email: string;
  phone: string;
}

/** A claim filed by a shop for one shipment. */
export interface Claim {
  id: string;
  shopId: string;
  type: ClaimType;
  carrier: string;
  waybill: string;
  orderId?: string;
  /** The shop's shipment the claim was filed from, if it was. */
  shipmentId?: string;
  /** Starts the policy's filing window (YYYY-MM-DD). */
  shippedDate: string;
  /** The calculator input, validated by the HTTP layer. */
  shipment: ClaimShipment;
  claimant: Claimant;
  description: string;
  evidence: ClaimEvidence[];
  status: ClaimStatus;
  /** The calculator result, stored verbatim. */
  compensation: ClaimCompensation;
  missingEvidence: EvidenceKind[];
  /** YYYY-MM-DD: the last day the claim could be filed. */
  filingDeadline: string;
  /** YYYY-MM-DD (or ISO instant): the carrier must answer before this. */
  answerDueBy: string;
  decision?: ClaimDecision;
  payment?: ClaimPayment;
  // Customer care: both absent on claims filed before.
  /** ISO instant: the customer is to be acknowledged by then (filing + the policy's window). */
  acknowledgeBy?: string;
  /** Filed from a shipment of a B2B order: formal messages that state the contractual penalty. */
  b2b?: boolean;
  /** ISO instant as produced by `Date.prototype.toISOString()`. */
  createdAt: string;
  updatedAt: string;
  /** Starts at 1, +1 per change; the ETag. */
  version: number;
  // Why it happened (./cause.ts). Set at filing (given or defaulted), changed by
  // a clerk; absent only on claims filed before causes existed (the analytics skip those).
  cause?: ClaimCause;
  // The desk clerk working on the claim.
  /** Set by "assign to me", removed by "unassign"; absent: nobody has taken it. */
  assignee?: ClaimAssignee;
  // Issue 25: set once the customer's personal data is erased (src/domain/personal-data).
  /** When the claimant's data was erased, and by which destruction act (`pde_…`). */
  personalData?: { erasedAt: string; erasureId: string };
}

/** A clerk working on a claim: the clerk key's id and its display name (the key id when it has none). */
export interface ClaimAssignee {
  id: string;
  name: string;
}

/** What a shop supplies (plus what the HTTP layer computed) when filing. */
export type NewClaim = Omit<
  Claim,
  'id' | 'status' | 'decision' | 'payment' | 'createdAt' | 'updatedAt' | 'version' | 'assignee'
>;

/** Kinds of history event. */
export const CLAIM_EVENT_TYPES = [
  'filed',
  'status_changed',
  'evidence_added',
  'payment_recorded',
  'assigned',
  'unassigned',
  // Causes
  'cause_changed',
] as const;
export type ClaimEventType = (typeof CLAIM_EVENT_TYPES)[number];

/** One append-only history entry; `seq` is the claim version the change produced. */
export interface ClaimEvent {
  claimId: string;
  seq: number;
  at: string;
  actor: ClaimActor;
  type: ClaimEventType;
  from?: ClaimStatus;
  to?: ClaimStatus;
  note?: string;
  // A `cause_changed` event's old cause (absent: none) and new one.
  cause?: { from?: ClaimCause; to: ClaimCause };
}
