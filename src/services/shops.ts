/**
 * The shop service: a shop's profile (its details as the sender of claim
 * letters, and the remedies it may offer), read and replaced with plain
 * arguments, shared by the API and the desk.
 */
import { DomainError } from '../domain/errors';
import {
  effectiveRetention,
  type EffectiveRetention,
  type ShopProfile,
  type ShopProfileInput,
  type ShopProfileView,
} from '../domain/shop';
import { ConflictError, type Storage } from '../storage/repository';
import type { Principal } from './actor';

/** A replacement that loses a race re-reads and tries again this many times. */
const PUT_ATTEMPTS = 3;

/** Profiles read to name the shops with keys; beyond it the rest come by id only. */
const NAMED_SHOPS = 100;

/** A shop that may file (it has an active key), and its legal name once it sent its profile. */
export interface KeyedShop {
  shopId: string;
  legalName?: string | undefined;
}

/**
 * The profile as answered: `personalData` is the retention in force.
 *
 * @example viewOfProfile(profile).personalData // { retainDays: 1095, isDefault: true }
 */
export function viewOfProfile(profile: ShopProfile): ShopProfileView {
  const { personalData, ...rest } = profile;
  return { ...rest, personalData: effectiveRetention(personalData) };
}

export interface ShopServiceDeps {
  storage: Storage;
  clock: () => Date;
}

/**
 * @example
 * const shops = createShopService({ storage, clock: () => new Date() });
 * const { profile, created } = await shops.put(principal, input);
 */
export function createShopService(deps: ShopServiceDeps) {
  const { storage, clock } = deps;

  /** The shop a call is about: a shop key's own; a clerk names one. */
  const shopOf = (actor: Principal, shopId: string | undefined): string => {
    const own = actor.role === 'shop' ? actor.shopId : shopId;
    if (!own) throw new DomainError('invalid-input', 'name the shop (shopId)', '/shopId');
    if (actor.role === 'shop' && shopId !== undefined && shopId !== own) {
      throw new DomainError('filter-not-allowed', 'A shop key reads its own profile only.');
    }
    return own;
  };

  return {
    /**
     * Every shop with an active API key, by id, each of the first 100 named by its legal name
     * once it has sent its profile (the `all` index lists the keys: one Query, no scan): the
     * shops a clerk may file for by phone.
     *
     * @example await shops.withActiveKeys() // [{ shopId: 'demo-shop', legalName: 'ООО «Ромашка»' }]
     */
    async withActiveKeys(): Promise<KeyedShop[]> {
      const keys = await storage.apiKeys.list();
      const active = keys.flatMap((key) =>
        key.role === 'shop' && key.shopId && key.revokedAt === undefined ? [key.shopId] : [],
      );
      const ids = [...new Set(active)].sort();
      const profiles = await Promise.all(
        ids.slice(0, NAMED_SHOPS).map((id) => storage.shops.get(id)),
      );
      return ids.map((shopId, i) => ({ shopId, legalName: profiles[i]?.legalName }));
    },

    /** The shop's profile, if it has one (the desk's letter falls back to the shop id). */
    find: (shopId: string): Promise<ShopProfile | undefined> => storage.shops.get(shopId),

    /**
     * How long the shop keeps its customers' personal data after settling: its own choice, else
     * the default (a shop with no profile too). The retention run and the desk read it here.
     *
     * @example await shops.retention('demo-shop') // { retainDays: 1095, isDefault: true }
     */
    retention: async (shopId: string): Promise<EffectiveRetention> =>
      effectiveRetention((await storage.shops.get(shopId))?.personalData),

    /** @throws {DomainError} `not-found` until the shop has sent its details. */
    async get(actor: Principal, shopId?: string): Promise<ShopProfileView> {
      const id = shopOf(actor, shopId);
      const profile = await storage.shops.get(id);
      if (!profile) {
        throw new DomainError('not-found', `Shop ${id} has no profile yet: PUT /v1/shop sends it.`);
      }
      return viewOfProfile(profile);
    },

    /** Creates or replaces the calling shop's profile; each replacement adds 1 to `version`. */
    async put(
      actor: Principal,
      input: ShopProfileInput,
    ): Promise<{ profile: ShopProfileView; created: boolean }> {
      const shopId = shopOf(actor, undefined);
      for (let attempt = 1; ; attempt++) {
        const current = await storage.shops.get(shopId);
        const profile: ShopProfile = {
          shopId,
          ...input,
          version: (current?.version ?? 0) + 1,
          updatedAt: clock().toISOString(),
        };
        try {
          const stored = await storage.shops.put(profile);
          return { profile: viewOfProfile(stored), created: current === undefined };
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt === PUT_ATTEMPTS) throw error;
        }
      }
    },
  };
}

export type ShopService = ReturnType<typeof createShopService>;
