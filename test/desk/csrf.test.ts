import { describe, expect, it } from 'vitest';
import {
  csrfBinding,
  csrfTokenFor,
  csrfTokenMatches,
  isCrossSite,
  newNonce,
} from '../../src/desk/session/csrf';

const SECRET = 'a-desk-session-secret-of-at-least-32-characters';

describe('CSRF tokens', () => {
  it('match the session they were made for, and only it', async () => {
    const mine = csrfBinding('session', 'k1.1767225600.sig-one');
    const theirs = csrfBinding('session', 'k2.1767225600.sig-two');
    const token = await csrfTokenFor(SECRET, mine);
    expect(token).toBe(await csrfTokenFor(SECRET, mine));
    expect(await csrfTokenMatches(SECRET, mine, token)).toBe(true);
    expect(await csrfTokenMatches(SECRET, theirs, token)).toBe(false);
  });

  it('keep a sign-in form’s token from standing in for a session’s', async () => {
    const token = await csrfTokenFor(SECRET, csrfBinding('pre', 'same-value'));
    expect(await csrfTokenMatches(SECRET, csrfBinding('session', 'same-value'), token)).toBe(false);
  });

  it.each([undefined, '', 'not-a-token', 'A'.repeat(43)])(
    'refuse the posted token %j',
    async (token) => {
      expect(await csrfTokenMatches(SECRET, csrfBinding('session', 'c'), token)).toBe(false);
    },
  );

  it('are not forgeable without the secret', async () => {
    const binding = csrfBinding('session', 'c');
    const forged = await csrfTokenFor('another-secret-of-at-least-32-characters', binding);
    expect(await csrfTokenMatches(SECRET, binding, forged)).toBe(false);
  });

  it('use fresh random nonces before sign-in', () => {
    expect(newNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(newNonce()).not.toBe(newNonce());
  });
});

describe('the browser’s word on where a post comes from', () => {
  const own = 'https://desk.example';
  it.each([
    [{ secFetchSite: 'same-origin', origin: 'null' }, false],
    [{ secFetchSite: 'none' }, false],
    [{ secFetchSite: 'same-site', origin: 'https://shop.desk.example' }, true],
    [{ secFetchSite: 'cross-site', origin: 'null' }, true],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: own }, false],
    [{ origin: 'null' }, false],
    [{}, false],
  ])('%j is cross-site: %s', (headers, expected) => {
    expect(isCrossSite(headers, own)).toBe(expected);
  });
});
