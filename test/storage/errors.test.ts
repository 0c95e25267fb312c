/**
 * How an SDK failure becomes a storage error: a read is "unavailable" whatever
 * happened; a write is "outcome unknown" once its request may have reached
 * DynamoDB (sent and unanswered, or a 5xx), and "unavailable" only when it
 * provably never did (refused, DNS, no connection). Throttling, and transactions that
 * keep colliding, are "busy" (503 storage-busy: nothing written, nobody to blame); a
 * record over DynamoDB's size limits is "too large" (422 record-too-large), never a bug.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { markMayHaveArrived, sizeRefusal, toStorageError } from '../../src/storage/dynamodb/errors';
import { transact } from '../../src/storage/dynamodb/transact';
import {
  StorageBusyError,
  StorageOutcomeUnknownError,
  StorageTooLargeError,
  StorageUnavailableError,
} from '../../src/storage/errors';
import {
  itemTooLarge,
  itemTooLargeInTransaction,
  throttled,
  transactionConflict,
  transactionThrottled,
  withFaults,
} from '../support/storage-faults';

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
const answered = (name: string, status: number, fault: 'client' | 'server', message = name) =>
  Object.assign(new Error(message), { name, $fault: fault, $metadata: { httpStatusCode: status } });

describe('toStorageError', () => {
  it.each([
    ['refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:8000')],
    ['DNS', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND dynamodb')],
    ['no connection within the connect timeout', noConnection()],
  ])('keeps a write that never reached DynamoDB "unavailable" (%s)', (_, error) => {
    const mapped = toStorageError(error, { write: true });
    expect(mapped).toBeInstanceOf(StorageUnavailableError);
    expect(mapped).toMatchObject({ code: 'storage-unavailable', reason: 'network' });
  });

  it.each([
    ['ThrottlingException', answered('ThrottlingException', 400, 'client')],
    ['ProvisionedThroughputExceededException', throttled({})],
    ['RequestLimitExceeded', answered('RequestLimitExceeded', 400, 'client')],
  ])('calls throttling (%s) "busy", for a read and a write alike', (_, error) => {
    for (const write of [false, true]) {
      const mapped = toStorageError(error, { write });
      expect(mapped).toBeInstanceOf(StorageBusyError);
      expect(mapped).toMatchObject({
        code: 'storage-busy',
        reason: 'throttled',
        retryAfterSeconds: 1,
      });
    }
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

  it.each([
    ['an item put over 400 KB', itemTooLarge({}), 'item'],
    [
      'an item updated past 400 KB',
      answered(
        'ValidationException',
        400,
        'client',
        'Item size to update has exceeded the maximum allowed size',
      ),
      'item',
    ],
    [
      'a transaction cancelled for an item’s size',
      itemTooLargeInTransaction({ TransactItems: [{}, {}] }),
      'item',
    ],
  ] as const)('calls %s "too large", never a bug', (_, error, what) => {
    expect(sizeRefusal(error)).toBe(what);
    const mapped = toStorageError(error, { write: true });
    expect(mapped).toBeInstanceOf(StorageTooLargeError);
    expect(mapped).toMatchObject({ code: 'record-too-large', what });
  });

  it('leaves a bug a bug', () => {
    const bug = answered(
      'ValidationException',
      400,
      'client',
      'ExpressionAttributeValues must not be empty',
    );
    expect(toStorageError(bug, { write: true })).toBe(bug);
  });
});

describe('transact, on a client whose transactions fail as told', () => {
  const client = new DynamoDBClient({
    region: 'eu-central-1',
    credentials: { accessKeyId: 'none', secretAccessKey: 'none' },
  });
  // Nothing is ever sent: a command not failed is answered as committed.
  const faults = withFaults(client, { answer: () => ({}) });
  const put = { Put: { TableName: 't', Item: { pk: { S: 'P' }, sk: { S: 'S' } } } };

  it('retries a TransactionConflict until the transaction goes through', async () => {
    faults.fail('TransactWriteItemsCommand', 3, transactionConflict);
    expect(await transact(client, [put, put])).toEqual({ committed: true });
    expect(faults.sent()).toHaveLength(4);
  });

  it('gives up on a conflict that never ends as busy storage, never as a conflict blamed on another writer', async () => {
    faults.fail('TransactWriteItemsCommand', Infinity, transactionConflict);
    const error = await transact(client, [put]).catch((e: unknown) => e);
    faults.clear();
    expect(error).toBeInstanceOf(StorageBusyError);
    expect(error).toMatchObject({
      code: 'storage-busy',
      reason: 'contention',
      retryAfterSeconds: 1,
    });
    expect(faults.sent()).toHaveLength(8);
  });

  it('calls a throttled transaction busy at once', async () => {
    faults.fail('TransactWriteItemsCommand', 1, transactionThrottled);
    await expect(transact(client, [put])).rejects.toMatchObject({
      code: 'storage-busy',
      reason: 'throttled',
    });
  });

  it.each([
    ['refused outright', itemTooLarge],
    ['cancelled with a ValidationError', itemTooLargeInTransaction],
  ] as const)('calls an item too large (%s) record-too-large', async (_, fault) => {
    faults.fail('TransactWriteItemsCommand', 1, fault);
    const error = await transact(client, [put]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageTooLargeError);
    expect(error).toMatchObject({ code: 'record-too-large' });
  });

  it('refuses more than 25 items before sending anything (YDB’s limit)', async () => {
    faults.sent();
    await expect(
      transact(
        client,
        Array.from({ length: 26 }, () => put),
      ),
    ).rejects.toThrow(RangeError);
    expect(faults.sent()).toEqual([]);
  });
});
