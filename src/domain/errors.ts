/**
 * Domain errors: every failure the rules can produce, each with a stable code.
 * The HTTP layer maps codes to statuses and problem types; the domain knows neither.
 */
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
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

/**
 * A broken rule. `pointer` is a JSON Pointer into the input that caused it
 * (e.g. `/insurance/declaredValue/currency`), when one field is to blame.
 *
 * @example
 * throw new DomainError('currency-mismatch', 'declaredValue is in USD, deliveryCost in RUB', '/insurance/declaredValue/currency');
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly pointer?: string,
  ) {
    super(message);
  }
}
