/**
 * Clerks by name: history stores a clerk as `clerk:<keyId>`; the desk shows the
 * name on the clerk's key, read when the page is drawn (one read per distinct
 * clerk on the page), and the id when the key has no name or is gone.
 */
import type { ClaimActor } from '../domain/claim';
import type { ApiKeyRecord, Storage } from '../storage/repository';

const CLERK_ACTOR = /^clerk:(.+)$/;

/**
 * The key id behind a clerk actor, or undefined for a shop (or anything else).
 *
 * @example clerkKeyId({ role: 'clerk', id: 'clerk:5df5de489cf18998' }) // '5df5de489cf18998'
 */
export function clerkKeyId(actor: ClaimActor): string | undefined {
  if (actor.role !== 'clerk') return undefined;
  return CLERK_ACTOR.exec(actor.id)?.[1];
}

/**
 * The distinct clerk key ids among the actors, in first-seen order.
 *
 * @example distinctClerkKeys([{ role: 'clerk', id: 'clerk:a' }, { role: 'shop', id: 's1' }, { role: 'clerk', id: 'clerk:a' }]) // ['a']
 */
export function distinctClerkKeys(actors: ClaimActor[]): string[] {
  const ids = actors.map(clerkKeyId).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
}

/** Actor id → the name to show; an actor missing from it is shown by its id. */
export type ActorNames = ReadonlyMap<string, string>;

/**
 * The display names of the clerks among the actors: one `get` per distinct
 * clerk not already `known` (e.g. the signed-in clerk), made together.
 *
 * @example const names = await clerkNames(storage.apiKeys, events.map((e) => e.actor), known);
 */
export async function clerkNames(
  apiKeys: { get(keyId: string): Promise<ApiKeyRecord | undefined> },
  actors: ClaimActor[],
  known: ReadonlyMap<string, string> = new Map(),
): Promise<ActorNames> {
  const names = new Map<string, string>();
  const toRead: string[] = [];
  for (const keyId of distinctClerkKeys(actors)) {
    const name = known.get(keyId);
    if (name === undefined) toRead.push(keyId);
    else names.set(`clerk:${keyId}`, name);
  }
  const records = await Promise.all(toRead.map((keyId) => apiKeys.get(keyId)));
  for (const record of records) {
    if (record?.role === 'clerk' && record.displayName !== undefined) {
      names.set(`clerk:${record.keyId}`, record.displayName);
    }
  }
  return names;
}

/**
 * The clerks' names as a service, on the app's storage: what the desk's pages call.
 *
 * @example
 * const clerks = createClerkNameService({ storage });
 * const names = await clerks.names(history.map((e) => e.actor), new Map([[me, 'Demo Clerk']]));
 */
export function createClerkNameService(deps: { storage: Pick<Storage, 'apiKeys'> }) {
  return {
    /** The display names of the clerks among `actors` (see `clerkNames`). */
    names: (actors: ClaimActor[], known?: ReadonlyMap<string, string>): Promise<ActorNames> =>
      clerkNames(deps.storage.apiKeys, actors, known),
  };
}

export type ClerkNameService = ReturnType<typeof createClerkNameService>;
