/**
 * How an SDK failure becomes a storage error: a read is "unavailable" whatever
 * happened; a write is "outcome unknown" once its request may have reached
 * DynamoDB (sent and unanswered, or a 5xx), and "unavailable" only when it
 * provably never did (refused, DNS, no connection, throttling answered).
 */
import { describe, expect, it } from 'vitest';
import { markMayHaveArrived, toStorageError } from '../../src/storage/dynamodb/errors';
import { StorageOutcomeUnknownError, StorageUnavailableError } from '../../src/storage/errors';

const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });
const timeout = () =>
  Object.assign(new Error('a request has exceeded the configured 5000 ms requestTimeout.'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  });
const noConnection = () =>
  Object.assign(
    new Error('the request socket did not establish a connection with the server within 2000 ms.'),
    { name: 'TimeoutError' },
  );
const answered = (name: string, status: number, fault: 'client' | 'server') =>
  Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode: status } });

describe('toStorageError', () => {
  it.each([
    ['refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8000'), 'network'],
    ['DNS', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND dynamodb'), 'network'],
    ['no connection within the connect timeout', noConnection(), 'network'],
    ['throttling answered', answered('ThrottlingException', 400, 'client'), 'throttled'],
  ])('keeps a write that never reached DynamoDB "unavailable" (%s)', (_, error, reason) => {
    const mapped = toStorageError(error, { write: true });
    expect(mapped).toBeInstanceOf(StorageUnavailableError);
    expect(mapped).toMatchObject({ code: 'storage-unavailable', reason });
  });

  it.each([
    ['a timeout after sending', timeout(), 'timeout'],
    ['a reset connection', nodeError('ECONNRESET', 'socket hang up'), 'connection-reset'],
    ['a 5xx answer', answered('InternalServerError', 500, 'server'), 'server'],
  ])('calls a write whose outcome is unknown so (%s)', (_, error, reason) => {
    const mapped = toStorageError(error, { write: true });
    expect(mapped).toBeInstanceOf(StorageOutcomeUnknownError);
    expect(mapped).toMatchObject({ code: 'storage-outcome-unknown', reason });
  });

  it('calls a refused retry of a write that had timed out "outcome unknown" (the client marks it)', () => {
    const lastAttempt = nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8000');
    markMayHaveArrived(lastAttempt);
    expect(toStorageError(lastAttempt, { write: true })).toBeInstanceOf(StorageOutcomeUnknownError);
  });

  it('keeps every outage of a read "unavailable"', () => {
    for (const error of [timeout(), nodeError('ECONNRESET', 'socket hang up'), noConnection()]) {
      expect(toStorageError(error)).toMatchObject({
        code: 'storage-unavailable',
        reason: 'network',
      });
    }
    expect(toStorageError(answered('InternalServerError', 500, 'server'))).toMatchObject({
      reason: 'server',
    });
  });

  it('leaves a bug a bug', () => {
    const bug = answered('ValidationException', 400, 'client');
    expect(toStorageError(bug, { write: true })).toBe(bug);
  });
});
