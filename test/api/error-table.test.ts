/**
 * The one error table (src/http/problem-types.ts): every coded error is answered from its
 * code's entry, with the members the entry lists read off the error, the fields it blames,
 * and Retry-After when it says a retry may work. No class is named in the error handler.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  ClaimExistsError,
  ClaimStateError,
  FilterNotAllowedError,
  StaleVersionError,
} from '../../src/domain/claim/errors';
import { CodedError, DomainError } from '../../src/domain/errors';
import { RemedySettledError } from '../../src/domain/remedy';
import type { HonoEnv } from '../../src/hono-env';
import { errorHandler } from '../../src/http/error-handler';
import { PROBLEM_OF_CODE, PROBLEMS, problemMembers } from '../../src/http/problem-types';
import { EvidenceFileError } from '../../src/services/evidence-files';
import {
  ConflictError,
  IdempotencyConflictError,
  InvalidCursorError,
  StorageBusyError,
} from '../../src/storage/errors';

/** The answer of a request whose handler threw `error`. */
async function answerTo(error: Error) {
  const app = new Hono<HonoEnv>();
  app.get('/', () => {
    throw error;
  });
  app.onError(errorHandler());
  const response = await app.request('/');
  const body = (await response.json()) as Record<string, unknown>;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

/** The members of an answer beside type, title, status, detail and instance, in order. */
const membersOf = (body: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(body).filter(
      ([k]) => !['type', 'title', 'status', 'detail', 'instance'].includes(k),
    ),
  );

describe('the error table', () => {
  it('gives every code one problem kind', () => {
    const codes = Object.values(PROBLEMS).flatMap((entry) =>
      'codes' in entry ? [...entry.codes] : [],
    );
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(PROBLEM_OF_CODE.get(code)).toBeDefined();
  });

  it.each([
    [
      new ClaimStateError('paid', 'cancelled'),
      409,
      { currentStatus: 'paid', attempted: 'cancelled' },
    ],
    [new StaleVersionError(3, 4), 412, { currentVersion: 4 }],
    [new ClaimExistsError('clm_2', 'late'), 409, { existingClaimId: 'clm_2' }],
    [new RemedySettledError('rm_1', 'accepted', 'declined'), 409, { currentStatus: 'accepted' }],
    [new ConflictError('x', { currentVersion: 7 }), 409, { currentVersion: 7 }],
    [new ConflictError('x', { entity: 'order' }), 409, {}],
  ] as const)(
    'answers %s with its entry’s members, in the entry’s order',
    async (error, status, members) => {
      const kind = PROBLEM_OF_CODE.get(error.code)!;
      expect(Object.keys(problemMembers(kind))).toEqual(Object.keys(members));
      const a = await answerTo(error);
      expect(a.status).toBe(status);
      expect(a.body.type).toBe(`/problems/${PROBLEMS[kind].slug}`);
      expect(membersOf(a.body)).toEqual(members);
    },
  );

  it.each([
    [
      new FilterNotAllowedError('shopId', 'A shop key lists its own.', 'is for clerk keys only'),
      { parameter: 'shopId', code: 'not_allowed', detail: 'is for clerk keys only' },
    ],
    [
      new IdempotencyConflictError('k-1'),
      {
        header: 'Idempotency-Key',
        code: 'idempotency_key_reused',
        detail: 'was used for a different request body',
      },
    ],
    [
      new InvalidCursorError('Invalid cursor: foreign'),
      { parameter: 'cursor', code: 'invalid_value', detail: 'Invalid cursor: foreign' },
    ],
    [
      new DomainError('currency-mismatch', 'in USD, not RUB', '/deliveryCost/currency'),
      { pointer: '/deliveryCost/currency', code: 'currency_mismatch', detail: 'in USD, not RUB' },
    ],
  ] as const)('names the input %s blames in `errors`', async (error, field) => {
    const a = await answerTo(error);
    expect(a.status).toBe(422);
    expect(a.body.errors).toEqual([field]);
  });

  it('says when a retry may work: storage’s errors, and a file bucket that is not bound', async () => {
    const busy = await answerTo(new StorageBusyError('throttled', 3));
    expect([busy.status, busy.retryAfter]).toEqual([503, '3']);
    expect(busy.body.detail).toBe(
      'Claim storage is throttling requests; nothing was written. Retry after Retry-After.',
    );
    const off = await answerTo(new EvidenceFileError('file-storage-off', 'No bucket.'));
    expect([off.status, off.retryAfter, off.body.type]).toEqual([
      503,
      '60',
      '/problems/file-storage-unavailable',
    ]);
    const exists = await answerTo(new EvidenceFileError('file-exists', 'Kept as uploaded.'));
    expect([exists.status, exists.retryAfter, exists.body.detail]).toEqual([
      409,
      null,
      'Kept as uploaded.',
    ]);
  });

  it('answers a coded error of a code the table does not know as a 500, leaking nothing', async () => {
    class UnlistedError extends CodedError {
      readonly code = 'unlisted';
    }
    const a = await answerTo(new UnlistedError('secret detail'));
    expect(a.status).toBe(500);
    expect(a.body.type).toBe('/problems/internal');
    expect(a.body.detail).toBe('Quote the instance id to support.');
  });
});
