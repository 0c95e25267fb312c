import { expect } from 'vitest';
import { DomainError } from '../../../src/domain/errors';

/** The DomainError `run` throws; fails the test when it throws nothing or something else. */
export function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  return expect.fail('expected a DomainError, but nothing was thrown');
}
