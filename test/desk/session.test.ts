import { describe, expect, it } from 'vitest';
import {
  newSessionId,
  SESSION_TTL_SECONDS,
  signSession,
  verifySession,
} from '../../src/desk/session/session-cookie';
import { fromBase64Url, toBase64Url } from '../../src/lib/base64url';
import { hmacSign } from '../../src/lib/hmac';

const SECRET = 'a-desk-session-secret-of-at-least-32-characters';
const session = { keyId: '1a2b3c4d5e6f7a8b', sessionId: 'q8Vd0m3x9bq1Zr2yTq7wLA' };

describe('desk session cookies', () => {
  it('verifies a cookie it signed, giving back the key id and session id', async () => {
    const cookie = await signSession(SECRET, session);
    expect(cookie).toMatch(/^1a2b3c4d5e6f7a8b\.q8Vd0m3x9bq1Zr2yTq7wLA\.[A-Za-z0-9_-]{43}$/);
    expect(await verifySession(SECRET, cookie)).toEqual(session);
  });

  it('carries no expiry: when a session ends, only the server’s record says', async () => {
    const cookie = await signSession(SECRET, session);
    expect(cookie.split('.')).toHaveLength(3);
    expect(cookie).not.toMatch(/\.\d{10}\./);
  });

  it('lasts a clerk’s 8-hour shift', () => {
    expect(SESSION_TTL_SECONDS).toBe(8 * 60 * 60);
  });

  it('refuses a cookie signed with another secret', async () => {
    const cookie = await signSession(`${SECRET}-other`, session);
    expect(await verifySession(SECRET, cookie)).toBeUndefined();
  });

  it.each([
    ['another key id', (c: string) => c.replace('1a2b3c4d5e6f7a8b', '1a2b3c4d5e6f7a8c')],
    [
      'another session id',
      (c: string) => c.replace('q8Vd0m3x9bq1Zr2yTq7wLA', 'q8Vd0m3x9bq1Zr2yTq7wLB'),
    ],
    ['a changed signature', (c: string) => c.slice(0, -2) + (c.endsWith('AA') ? 'BB' : 'AA')],
  ])('refuses a cookie with %s', async (_, tamper) => {
    const cookie = tamper(await signSession(SECRET, session));
    expect(await verifySession(SECRET, cookie)).toBeUndefined();
  });

  it('refuses a bare HMAC of the same text: session signatures are their own kind', async () => {
    const plain = await hmacSign(SECRET, `${session.keyId}.${session.sessionId}`);
    const cookie = `${session.keyId}.${session.sessionId}.${plain}`;
    expect(await verifySession(SECRET, cookie)).toBeUndefined();
  });

  it.each([
    '',
    'garbage',
    '1a2b.q8Vd0m3x9bq1Zr2yTq7wLA',
    '1a2b.short.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    // The old cookie form (key id and expiry) means nothing any more.
    '1a2b3c4d5e6f7a8b.1767225600.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'a b.q8Vd0m3x9bq1Zr2yTq7wLA.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ])('refuses the malformed cookie %j', async (value) => {
    expect(await verifySession(SECRET, value)).toBeUndefined();
  });

  it('will not sign a key id or session id that could break the cookie format', async () => {
    await expect(signSession(SECRET, { ...session, keyId: 'a.b' })).rejects.toThrow(RangeError);
    await expect(signSession(SECRET, { ...session, sessionId: 'a.b' })).rejects.toThrow(RangeError);
  });
});

describe('desk session ids', () => {
  it('are 128 random bits, base64url, and never repeat', () => {
    const ids = Array.from({ length: 1000 }, newSessionId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(fromBase64Url(id)).toHaveLength(16);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('are signable as they come', async () => {
    const fresh = { keyId: session.keyId, sessionId: newSessionId() };
    expect(await verifySession(SECRET, await signSession(SECRET, fresh))).toEqual(fresh);
  });
});

describe('base64url, the one spelling of it (on Hono’s codec)', () => {
  /** What the hand-written codec wrote before it moved onto Hono's. */
  const byHand = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replaceAll('+', '-')
      .replaceAll('/', '_')
      .replace(/=+$/, '');

  it('writes every length as before, unpadded, and reads it back', () => {
    for (let length = 0; length <= 48; length++) {
      const bytes = crypto.getRandomValues(new Uint8Array(length));
      const text = toBase64Url(bytes);
      expect(text).toBe(byHand(bytes));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('writes a view of a larger buffer as its own bytes only', () => {
    const whole = new Uint8Array([9, 251, 255, 9]);
    expect(toBase64Url(whole.subarray(1, 3))).toBe('-_8');
  });

  it.each(['a+b', 'ab==', 'a', 'abcde', 'a b'])(
    'refuses %j, which is not unpadded base64url',
    (text) => {
      expect(fromBase64Url(text)).toBeUndefined();
    },
  );
});
