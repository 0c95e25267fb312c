import { describe, expect, it } from 'vitest';
import { SESSION_TTL_SECONDS, signSession, verifySession } from '../../src/desk/session';

const SECRET = 'a-desk-session-secret-of-at-least-32-characters';
const NOW = 1_767_225_600;
const session = { keyId: '1a2b3c4d5e6f7a8b', expiresAt: NOW + SESSION_TTL_SECONDS };

describe('desk session cookies', () => {
  it('verifies a cookie it signed, giving back the key id and expiry', async () => {
    const cookie = await signSession(SECRET, session);
    expect(cookie).toMatch(/^1a2b3c4d5e6f7a8b\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(await verifySession(SECRET, cookie, NOW)).toEqual(session);
  });

  it('lasts a clerk’s 8-hour shift', () => {
    expect(SESSION_TTL_SECONDS).toBe(8 * 60 * 60);
  });

  it('refuses a cookie signed with another secret', async () => {
    const cookie = await signSession(`${SECRET}-other`, session);
    expect(await verifySession(SECRET, cookie, NOW)).toBeUndefined();
  });

  it.each([
    ['another key id', (c: string) => c.replace('1a2b3c4d5e6f7a8b', '1a2b3c4d5e6f7a8c')],
    [
      'a later expiry',
      (c: string) => c.replace(`.${session.expiresAt}.`, `.${session.expiresAt + 3600}.`),
    ],
    ['a changed signature', (c: string) => c.slice(0, -2) + (c.endsWith('AA') ? 'BB' : 'AA')],
  ])('refuses a cookie with %s', async (_, tamper) => {
    const cookie = tamper(await signSession(SECRET, session));
    expect(await verifySession(SECRET, cookie, NOW)).toBeUndefined();
  });

  it('refuses a cookie at and after its expiry', async () => {
    const cookie = await signSession(SECRET, session);
    expect(await verifySession(SECRET, cookie, session.expiresAt - 1)).toEqual(session);
    expect(await verifySession(SECRET, cookie, session.expiresAt)).toBeUndefined();
  });

  it.each([
    '',
    'garbage',
    '1a2b.1767225600',
    '1a2b.abc.sig',
    'a b.1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  ])('refuses the malformed cookie %j', async (value) => {
    expect(await verifySession(SECRET, value, NOW)).toBeUndefined();
  });

  it('will not sign a key id that could break the cookie format', async () => {
    await expect(signSession(SECRET, { keyId: 'a.b', expiresAt: NOW })).rejects.toThrow(RangeError);
  });
});
