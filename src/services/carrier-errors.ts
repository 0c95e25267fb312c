/**
 * The failures of a shop's carrier credentials, each with a stable code the one error table
 * answers (src/http/problem-types.ts): the operator has set no CARRIER_SECRET (503), CDEK
 * could not be asked now (503 + Retry-After). CDEK refusing the credentials is a 422 at
 * `/clientSecret` (a DomainError, `carrier-credentials-refused`).
 */
import { CodedError } from '../domain/errors';

/** The codes below, for the error table. */
export type CarrierAccountErrorCode = 'carrier-secret-unset' | 'carrier-unavailable';

/**
 * The Worker has no CARRIER_SECRET: credentials cannot be kept encrypted, so none are taken.
 * @example throw new CarrierSecretUnsetError();
 */
export class CarrierSecretUnsetError extends CodedError {
  override readonly name = 'CarrierSecretUnsetError';
  readonly code = 'carrier-secret-unset' as const;
  constructor() {
    super(
      'Carrier credentials are kept encrypted with the Worker secret CARRIER_SECRET, which the operator has not set; nothing was stored.',
    );
  }
}

/** How long a caller waits before asking again when the carrier did not answer. */
export const CARRIER_RETRY_SECONDS = 60;

/**
 * The carrier could not be asked now (no answer, a timeout, a 5xx): nothing was stored.
 * @example throw new CarrierUnavailableError('cdek');
 */
export class CarrierUnavailableError extends CodedError {
  override readonly name = 'CarrierUnavailableError';
  readonly code = 'carrier-unavailable' as const;
  override readonly retryAfterSeconds = CARRIER_RETRY_SECONDS;
  constructor(readonly carrier: string) {
    super(
      `${carrier.toUpperCase()}'s API did not answer, so the credentials could not be checked; nothing was stored. Retry after Retry-After.`,
    );
  }
}
