import { DomainError } from '../errors';
import type { RemedyStatus } from './types';

/**
 * An offer above what the shop said it can afford (its `remedyLimits`).
 *
 * @example new RemedyLimitError('/value/amount', 'maxGiftValue', '1000.00 RUB', 'a gift of 1500.00 RUB is above …')
 */
export class RemedyLimitError extends DomainError {
  override readonly name = 'RemedyLimitError';
  constructor(
    pointer: string,
    readonly limit: 'maxDiscountPercent' | 'maxGiftValue',
    readonly maximum: string,
    message: string,
  ) {
    super('remedy-over-limit', message, pointer, { params: { limit, maximum } });
  }
}

/**
 * An answer to a remedy that was already answered: accepted and declined are final.
 *
 * @example new RemedySettledError('rm_1', 'accepted', 'declined')
 */
export class RemedySettledError extends DomainError {
  override readonly name = 'RemedySettledError';
  constructor(
    readonly remedyId: string,
    readonly currentStatus: RemedyStatus,
    readonly attempted: RemedyStatus,
  ) {
    super(
      'remedy-settled',
      `Remedy ${remedyId} is already ${currentStatus}: an answer is final, it cannot become ${attempted}.`,
    );
  }
}
