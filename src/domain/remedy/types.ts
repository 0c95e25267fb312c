import type { MoneyJson } from '../money';

/** What a shop may give a customer to make amends (the documents' list). */
export const REMEDY_KINDS = [
  'refund',
  'voucher',
  'discount_next_order',
  'free_delivery',
  'gift',
  'replacement',
  'repair',
] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** `offered` → `accepted` | `declined`; both answers are final. */
export const REMEDY_STATUSES = ['offered', 'accepted', 'declined'] as const;
export type RemedyStatus = (typeof REMEDY_STATUSES)[number];
/** The customer's answer to an offer. */
export type RemedyAnswer = Exclude<RemedyStatus, 'offered'>;

/** An offer as the shop or a clerk makes it. */
export interface RemedyOffer {
  kind: RemedyKind;
  /** Money: required for a refund, a voucher and a gift; what it cost for the others; never for a discount. */
  value?: MoneyJson;
  /** Whole percent, 1–100: only (and always) for `discount_next_order`. */
  percent?: number;
  note?: string;
}

/** One remedy offered to the claim's customer. */
export interface Remedy extends RemedyOffer {
  /** `rm_<n>`: its place among the claim's remedies, so unique within the claim. */
  id: string;
  claimId: string;
  status: RemedyStatus;
  /** ISO instant. */
  offeredAt: string;
  /** The actor id (`demo-shop`, `clerk:<keyId>`). */
  offeredBy: string;
  /** When and by whom the customer's answer was recorded. */
  answeredAt?: string;
  answeredBy?: string;
}

/** The customer's side of a claim: what was offered, and the money accepted. */
export interface CustomerSide {
  remedies: Remedy[];
  /** The sum of the accepted remedies' values, in the claim's currency. */
  given: MoneyJson;
}
