/**
 * Domain errors: every failure the rules can produce, each with a stable code.
 * The HTTP layer maps codes to statuses and problem types; the domain knows neither.
 */

/**
 * A query or path parameter, or a header, that an error blames, as the answer's `errors`
 * entry says it (a body field is a DomainError's `pointer`). `code` is one of the API's
 * field codes (src/http/field-issues.ts).
 */
export type BlamedInput = ({ parameter: string } | { header: string }) & {
  code: string;
  detail: string;
};

/**
 * The base of every error a service call can end in (a rule of the domain, storage, an
 * evidence file): a stable `code`, and what the layer answering for it needs, so that layer
 * keeps one table by code and no list of classes (src/http/problem-types.ts). The members an
 * answer carries beside the sentence (`currentVersion`, `existingClaimId`, …) are read off
 * the error by the names its code's entry in that table lists.
 *
 * @example
 * class ShopClosedError extends CodedError {
 *   readonly code = 'shop-closed' as const;
 *   constructor(readonly closedSince: string) { super(`The shop closed on ${closedSince}.`); }
 * }
 */
export abstract class CodedError extends Error {
  abstract readonly code: string;
  /** Seconds after which the same call may succeed (`Retry-After`); absent: not as it is. */
  declare readonly retryAfterSeconds?: number;
  /** The parameter or header to blame, when the error is about one (see `BlamedInput`). */
  declare readonly blamed?: BlamedInput;

  /** The sentence the caller reads (the API's `detail`): the message, unless a class words its own. */
  get callerMessage(): string {
    return this.message;
  }
}

export const DomainErrorCode = {
  /** An input breaks a rule (wrong decimals, negative, contradictory fields). */
  invalidInput: 'invalid-input',
  /** Two amounts of different currencies meet in one calculation. */
  currencyMismatch: 'currency-mismatch',
  /** A date falls in a year for which the calendar has no data. */
  calendarYearUnknown: 'calendar-year-unknown',
  /** No calendar for that country. */
  calendarUnknown: 'calendar-unknown',
  /** No carrier policy with that id. */
  policyUnknown: 'policy-unknown',
  /** The claim comes after the policy's filing window closed. */
  filingDeadlinePassed: 'filing-deadline-passed',
  /** A late-delivery claim for a parcel that was not late. */
  notLate: 'not-late',
  /** The claim's status does not allow the move (`ClaimStateError`). */
  invalidTransition: 'invalid-transition',
  /** The claim is not at the version the caller saw (`StaleVersionError`). */
  staleVersion: 'stale-version',
  /** No such claim, or not one the caller may see (`ClaimNotFoundError`). */
  notFound: 'not-found',
  /** A list filter the caller's role may not use (`FilterNotAllowedError`). */
  filterNotAllowed: 'filter-not-allowed',
  /** The claim would hold more evidence entries than a claim takes (`EvidenceLimitError`). */
  evidenceLimit: 'evidence-limit',
  /** The shop already has an open claim of this type for the parcel (`ClaimExistsError`). */
  claimExists: 'claim-exists',
  // Remedies (src/domain/remedy): the customer's side of a claim.
  /** An offer above the shop's `remedyLimits` (`RemedyLimitError`). */
  remedyOverLimit: 'remedy-over-limit',
  /** A capped offer (discount, gift, voucher) from a shop that has set no limits. */
  remedyLimitsUnset: 'remedy-limits-unset',
  /** The remedy was already accepted or declined (`RemedySettledError`). */
  remedySettled: 'remedy-settled',
  /** The claim was withdrawn: it takes no remedies. */
  claimCancelled: 'claim-cancelled',
  /** The carrier's API refused a shop's credentials (src/services/carrier-accounts.ts). */
  carrierCredentialsRefused: 'carrier-credentials-refused',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/**
 * A finer reason than the code, for a client to switch on: two dates in the
 * wrong order; neither of two alternatives given, or both.
 */
export type DomainReason =
  | 'date_order'
  // A reported instant or date ahead of the server's clock (src/domain/happened.ts).
  | 'in_the_future'
  | 'one_of'
  | 'not_both'
  // A field the move needs is missing (the offer's kind's value, a decision's reason…).
  | 'required'
  // An amount of 0 or less where only more than 0 makes sense.
  | 'not_positive'
  // A payment above the approved amount (`maximum`).
  | 'above_approved'
  // An approval above the computed amount without an override reason (`maximum`).
  | 'above_computed'
  // A full approval of less than the computed amount (`minimum`): that is a partial one.
  | 'below_computed'
  // A fact a claim needs that its shipment does not state (`field`).
  | 'missing_fact';

/** What a message about the error needs beside its code (dates, field names). */
export type DomainParams = Readonly<Record<string, string | number>>;

/**
 * A broken rule. `pointer` is a JSON Pointer into the input that caused it
 * (e.g. `/insurance/declaredValue/currency`), when one field is to blame;
 * `reason` and `params` let a client say the same in its own words.
 *
 * @example
 * throw new DomainError('currency-mismatch', 'declaredValue is in USD, deliveryCost in RUB', '/insurance/declaredValue/currency');
 */
export class DomainError extends CodedError {
  override readonly name: string = 'DomainError';
  readonly reason: DomainReason | undefined;
  readonly params: DomainParams;
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly pointer?: string,
    extra: { reason?: DomainReason; params?: DomainParams } = {},
  ) {
    super(message);
    this.reason = extra.reason;
    this.params = extra.params ?? {};
  }

  /**
   * The same error, pointing from one level up: a calculator's `/deliveryCost`
   * is `/shipment/deliveryCost` in a claim.
   *
   * @example new DomainError('invalid-input', 'm', '/deliveryCost').within('/shipment').pointer // '/shipment/deliveryCost'
   */
  within(prefix: string): DomainError {
    const pointer = this.pointer === undefined ? undefined : `${prefix}${this.pointer}`;
    return new DomainError(this.code, this.message, pointer, {
      ...(this.reason ? { reason: this.reason } : {}),
      params: this.params,
    });
  }
}

/**
 * Runs a rule on a nested part of the input; any domain error it raises
 * points where that part sits in the whole (`prefix` + its own pointer).
 * The claim filing runs the calculators on `shipment` through it, so the API
 * and the desk both learn `/shipment/insurance/declaredValue/currency`.
 *
 * @example nested('/shipment', () => computeLost(filing.shipment, { policy }))
 */
export function nested<T>(prefix: string, rule: () => T): T {
  try {
    return rule();
  } catch (error) {
    throw error instanceof DomainError ? error.within(prefix) : error;
  }
}
