/**
 * The clerk desk's sessions: a clerk's API key, typed once into the sign-in form, becomes a
 * server-side session; every desk request asks whether it still lives (and its key with it);
 * signing out ends one, or every one of the key. The desk keeps the cookie that names a
 * session (src/desk/session); the records and the rules of who may sign in are here, on
 * storage, as the API's services are.
 */
import { DEFAULT_TIME_ZONE, isTimeZone } from '../format';
import { hashApiKey } from '../storage/api-keys';
import type { Storage } from '../storage/repository';

/** A session as its cookie names it: a session id of a key. */
export interface DeskSession {
  keyId: string;
  sessionId: string;
}

/** The clerk at the desk: the name on the key, and the time zone the desk shows times in. */
export interface ActiveClerk {
  displayName?: string | undefined;
  /** An IANA zone: the clerk's setting, else DEFAULT_TIME_ZONE (Europe/Moscow). */
  timeZone: string;
}

/** Why a key opened no session: unknown (or revoked, or none typed), or a shop's. */
export type SignInRefusal = 'unknownKey' | 'shopKey';

/**
 * @example
 * const sessions = createDeskSessionService({ storage, clock: () => new Date() });
 * const opened = await sessions.signIn('pca_…', { newSessionId, ttlSeconds: 8 * 3600 });
 * if ('refused' in opened) … else setCookie(…, await signSession(secret, opened));
 */
export function createDeskSessionService(deps: {
  storage: Pick<Storage, 'apiKeys' | 'deskSessions'>;
  clock: () => Date;
}) {
  const { storage, clock } = deps;
  /** Session expiry is kept in epoch seconds (DynamoDB's TTL reads them). */
  const nowSeconds = () => Math.floor(clock().getTime() / 1000);

  return {
    /**
     * Opens a session for a clerk key, found by its hash as the API finds it (the key itself
     * is never stored). A shop key, an unknown or revoked key, or none opens nothing.
     */
    async signIn(
      apiKey: string,
      session: { newSessionId: () => string; ttlSeconds: number },
    ): Promise<DeskSession | { refused: SignInRefusal }> {
      const record = apiKey
        ? await storage.apiKeys.findByHash(await hashApiKey(apiKey))
        : undefined;
      if (!record) return { refused: 'unknownKey' };
      if (record.role !== 'clerk') return { refused: 'shopKey' };
      const opened = { keyId: record.keyId, sessionId: session.newSessionId() };
      await storage.deskSessions.create({
        ...opened,
        createdAt: clock().toISOString(),
        expiresAt: nowSeconds() + session.ttlSeconds,
      });
      return opened;
    },

    /**
     * The clerk behind a live session, with the name on its key: undefined once signed out,
     * expired, or the key revoked or not a clerk's. Two reads, made together.
     */
    async active(session: DeskSession): Promise<ActiveClerk | undefined> {
      const [record, key] = await Promise.all([
        storage.deskSessions.get(session.keyId, session.sessionId, nowSeconds()),
        storage.apiKeys.get(session.keyId),
      ]);
      const live = record && key && key.revokedAt === undefined && key.role === 'clerk';
      if (!live) return undefined;
      const timeZone =
        key.timeZone !== undefined && isTimeZone(key.timeZone) ? key.timeZone : DEFAULT_TIME_ZONE;
      return { displayName: key.displayName, timeZone };
    },

    /**
     * The clerk's own setting: the time zone the desk shows times in. False (and nothing
     * written) when the zone is not one the runtime knows.
     */
    async setTimeZone(keyId: string, timeZone: string): Promise<boolean> {
      if (!isTimeZone(timeZone)) return false;
      await storage.apiKeys.setTimeZone(keyId, timeZone);
      return true;
    },

    /** Ends this session: a copy of its cookie opens nothing any more. */
    signOut: (session: DeskSession): Promise<void> =>
      storage.deskSessions.delete(session.keyId, session.sessionId),

    /** Ends every session of the key: other browsers, other devices, copied cookies. */
    async signOutEverywhere(keyId: string): Promise<void> {
      await storage.deskSessions.deleteAllForKey(keyId);
    },
  };
}

export type DeskSessionService = ReturnType<typeof createDeskSessionService>;
