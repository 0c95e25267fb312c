/**
 * The errors a service call can end in: a domain error or a storage error,
 * each with a stable `code`. The API answers them through one table
 * (`PROBLEM_OF_CODE`), the desk through one mapper (`deskRefusal`).
 */
import { DomainError } from '../domain/errors';
import {
  ConflictError,
  IdempotencyConflictError,
  InvalidCursorError,
  NotFoundError,
  StorageBusyError,
  StorageOutcomeUnknownError,
  StorageTooLargeError,
  StorageUnavailableError,
  type StorageError,
} from '../storage/errors';

export type CodedError = DomainError | StorageError;

/**
 * @example isCodedError(new StorageUnavailableError('network', 5)) // true
 */
export const isCodedError = (err: unknown): err is CodedError =>
  err instanceof DomainError ||
  err instanceof StorageUnavailableError ||
  err instanceof StorageOutcomeUnknownError ||
  err instanceof StorageBusyError ||
  err instanceof StorageTooLargeError ||
  err instanceof ConflictError ||
  err instanceof IdempotencyConflictError ||
  err instanceof InvalidCursorError ||
  err instanceof NotFoundError;
