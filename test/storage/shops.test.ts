import { describe, expect, it } from 'vitest';
import type { ShopProfile } from '../../src/domain/shop';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { ConflictError } from '../../src/storage/repository';
import { at, freshStorage } from './helpers';

const storage = await freshStorage();

const profile = (shopId: string, version: number): ShopProfile => ({
  shopId,
  ...shopInputExample,
  legalName: `ООО «Версия ${version}»`,
  version,
  updatedAt: at(version),
});

describe('shop profiles on DynamoDB', () => {
  it('writes version 1 once, then each version over the one before it only', async () => {
    expect(await storage.shops.get('s-1')).toBeUndefined();
    await storage.shops.put(profile('s-1', 1));
    await expect(storage.shops.put(profile('s-1', 1))).rejects.toBeInstanceOf(ConflictError);
    await storage.shops.put(profile('s-1', 2));
    await expect(storage.shops.put(profile('s-1', 2))).rejects.toBeInstanceOf(ConflictError);
    await expect(storage.shops.put(profile('s-1', 4))).rejects.toBeInstanceOf(ConflictError);
    expect(await storage.shops.get('s-1')).toStrictEqual(profile('s-1', 2));
  });

  it('keeps shops apart, even with key characters in the id', async () => {
    await storage.shops.put(profile('a#b', 1));
    expect(await storage.shops.get('a')).toBeUndefined();
    expect((await storage.shops.get('a#b'))?.shopId).toBe('a#b');
  });
});
