/**
 * The shops a clerk may file for by phone: every shop that has an active API
 * key (the `all` index lists the keys: one Query, no scan), named by its legal
 * name once it has sent its profile.
 */
import type { ShopService } from '../services/shops';
import type { ApiKeyRepository } from '../storage/repository';
import type { Choice } from './views/parts/fields';

/** Profiles read to name the shops; beyond it the picker shows the bare ids. */
const NAMED_SHOPS = 100;

/**
 * @example await shopChoices(storage.apiKeys, shops) // [{ value: 'demo-shop', label: 'ООО «Ромашка» (demo-shop)' }]
 */
export async function shopChoices(
  apiKeys: ApiKeyRepository,
  shops: ShopService,
): Promise<Choice[]> {
  const keys = await apiKeys.list();
  const ids = [
    ...new Set(
      keys.flatMap((key) =>
        key.role === 'shop' && key.shopId && key.revokedAt === undefined ? [key.shopId] : [],
      ),
    ),
  ].sort();
  const profiles = await Promise.all(ids.slice(0, NAMED_SHOPS).map((id) => shops.find(id)));
  return ids.map((id, i) => {
    const name = profiles[i]?.legalName;
    return { value: id, label: name ? `${name} (${id})` : id };
  });
}
