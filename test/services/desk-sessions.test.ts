/**
 * The desk's sessions as a service, on DynamoDB Local: who may sign in with what key, how
 * long a session lives, and that signing out (here or everywhere) and revoking the key each
 * end it.
 */
import { describe, expect, it } from 'vitest';
import { newSessionId } from '../../src/desk/session/session-cookie';
import { createDeskSessionService } from '../../src/services/desk-sessions';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { at, freshStorage } from '../storage/helpers';

const storage = await freshStorage();
const NOW = new Date('2026-01-01T09:00:00.000Z');
let now = NOW;
const sessions = createDeskSessionService({ storage, clock: () => now });
const EIGHT_HOURS = 8 * 60 * 60;
const opening = { newSessionId, ttlSeconds: EIGHT_HOURS };

/** A stored key of `role`, and the key itself (what a clerk types). */
async function keyOf(role: 'clerk' | 'shop', displayName?: string) {
  const { keyId, key } = generateApiKey();
  await storage.apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...(role === 'shop' ? { shopId: 'shop-s' } : {}),
    ...(displayName === undefined ? {} : { displayName }),
    createdAt: at(0),
  });
  return { keyId, key };
}

describe('the desk’s sessions', () => {
  it('opens a session for a clerk key, stored until the shift ends', async () => {
    now = NOW;
    const { keyId, key } = await keyOf('clerk', 'Anna');
    const opened = await sessions.signIn(key, opening);
    if ('refused' in opened) throw new Error(`refused: ${opened.refused}`);
    expect(opened.keyId).toBe(keyId);
    const stored = await storage.deskSessions.get(keyId, opened.sessionId, 0);
    expect(stored).toEqual({
      ...opened,
      createdAt: NOW.toISOString(),
      expiresAt: NOW.getTime() / 1000 + EIGHT_HOURS,
    });
    // A key with no zone of its own reads the desk's default.
    expect(await sessions.active(opened)).toEqual({
      displayName: 'Anna',
      timeZone: 'Europe/Moscow',
    });
    now = new Date(NOW.getTime() + EIGHT_HOURS * 1000);
    expect(await sessions.active(opened)).toBeUndefined();
    now = NOW;
  });

  it.each([
    ['a shop key', async () => (await keyOf('shop')).key, 'shopKey'],
    ['an unknown key', () => Promise.resolve(generateApiKey().key), 'unknownKey'],
    ['no key at all', () => Promise.resolve(''), 'unknownKey'],
  ] as const)('opens none for %s', async (_, key, refused) => {
    expect(await sessions.signIn(await key(), opening)).toEqual({ refused });
  });

  it('ends a session when the key is revoked', async () => {
    const { keyId, key } = await keyOf('clerk');
    const opened = await sessions.signIn(key, opening);
    if ('refused' in opened) throw new Error(`refused: ${opened.refused}`);
    expect(await sessions.active(opened)).toEqual({
      displayName: undefined,
      timeZone: 'Europe/Moscow',
    });
    await storage.apiKeys.revoke(keyId, at(1));
    expect(await sessions.active(opened)).toBeUndefined();
  });

  it('signs out of one session, or of every one of the key', async () => {
    const { key } = await keyOf('clerk');
    const open = async () => {
      const opened = await sessions.signIn(key, opening);
      if ('refused' in opened) throw new Error(`refused: ${opened.refused}`);
      return opened;
    };
    const [here, there, elsewhere] = [await open(), await open(), await open()];
    await sessions.signOut(here);
    expect(await sessions.active(here)).toBeUndefined();
    expect(await sessions.active(there)).toBeDefined();
    await sessions.signOutEverywhere(there.keyId);
    expect(await sessions.active(there)).toBeUndefined();
    expect(await sessions.active(elsewhere)).toBeUndefined();
  });
});
