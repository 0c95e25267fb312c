/**
 * Carrier accounts on DynamoDB Local: created then replaced (version up, a refusal forgotten,
 * the day's progress kept), the cron's marks only over the credentials they read, the listing
 * of every shop's accounts paged shard by shard, the cursor item, and the worst-case item (a
 * 64-character Cyrillic shop id encoded in its keys three times: ~2.2 KB).
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { carrierAccountKey } from '../../src/storage/dynamodb/keys';
import type { CarrierCredentialsWrite } from '../../src/storage/repository';
import { seal } from '../../src/lib/sealed';
import { freshStorage } from './helpers';

const storage = await freshStorage();
const accounts = storage.carrierAccounts;

const write = (shopId: string, over: Partial<CarrierCredentialsWrite> = {}) => ({
  shopId,
  carrier: 'cdek' as const,
  sealed: 'sealed-text',
  clientIdHint: 'EMsc…eI',
  updatedAt: '2026-03-06T09:00:00.000Z',
  ...over,
});

describe('a carrier account', () => {
  it('is created, then replaced: version up, a refusal forgotten, the day kept', async () => {
    const first = await accounts.put(write('shop-1'));
    expect(first).toEqual({
      created: true,
      record: { ...write('shop-1'), createdAt: '2026-03-06T09:00:00.000Z', version: 1 },
    });
    expect(
      await accounts.mark('shop-1', 'cdek', 1, {
        reconciledOn: '2026-03-06',
        refusedAt: '2026-03-06T10:00:00.000Z',
      }),
    ).toBe('written');
    const second = await accounts.put(write('shop-1', { sealed: 'new', updatedAt: 'later' }));
    expect(second.created).toBe(false);
    expect(second.record).toMatchObject({ sealed: 'new', version: 2, reconciledOn: '2026-03-06' });
    expect(second.record.refusedAt).toBeUndefined();
    // A mark over the old credentials does not land.
    expect(await accounts.mark('shop-1', 'cdek', 1, { refusedAt: 'x' })).toBe('moved');
    expect((await accounts.get('shop-1', 'cdek'))?.refusedAt).toBeUndefined();
    expect(await accounts.mark('shop-1', 'cdek', 2, { reconcileAfter: 'S-9' })).toBe('written');
    expect(await accounts.mark('shop-1', 'cdek', 2, { reconcileAfter: null })).toBe('written');
    expect((await accounts.get('shop-1', 'cdek'))?.reconcileAfter).toBeUndefined();
  });

  it('is deleted once; a mark on a deleted account writes nothing', async () => {
    await accounts.put(write('shop-del'));
    expect(await accounts.delete('shop-del', 'cdek')).toBe(true);
    expect(await accounts.delete('shop-del', 'cdek')).toBe(false);
    expect(await accounts.mark('shop-del', 'cdek', 1, { reconciledOn: 'd' })).toBe('moved');
    expect(await accounts.get('shop-del', 'cdek')).toBeUndefined();
  });

  it('takes PUTs at once: one creates, the others replace', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => accounts.put(write('shop-race', { sealed: `s${i}` }))),
    );
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect((await accounts.get('shop-race', 'cdek'))?.version).toBe(5);
  });

  it('is listed with every shop’s, shard by shard, page by page', async () => {
    const fresh = await freshStorage();
    const shops = Array.from({ length: 9 }, (_, i) => `shop-l${i}`);
    await Promise.all(shops.map((shop) => fresh.carrierAccounts.put(write(shop))));
    const seen: string[] = [];
    for (let shard = 0; shard < fresh.carrierAccounts.shards; shard++) {
      let after: string | undefined;
      do {
        const page = await fresh.carrierAccounts.list({
          shard,
          limit: 2,
          ...(after ? { after } : {}),
        });
        seen.push(...page.items.map((a) => a.shopId));
        after = page.last;
      } while (after !== undefined);
    }
    expect(seen.sort()).toEqual(shops);
    expect(await fresh.carrierAccounts.getCursor()).toBeUndefined();
    await fresh.carrierAccounts.putCursor({ day: '2026-03-06', shard: 1, after: 'x#cdek' });
    expect(await fresh.carrierAccounts.getCursor()).toEqual({
      day: '2026-03-06',
      shard: 1,
      after: 'x#cdek',
    });
    await fresh.carrierAccounts.putCursor({ day: '2026-03-06', shard: 3, done: true });
    expect(await fresh.carrierAccounts.getCursor()).toEqual({
      day: '2026-03-06',
      shard: 3,
      done: true,
    });
  });

  it('at its largest (256-character id and secret, a 64-character shop id) is about 2 KB (3 write units), far from DynamoDB’s 400 KB', async () => {
    const shopId = 'ш'.repeat(64);
    const credentials = JSON.stringify({
      clientId: '~'.repeat(256),
      clientSecret: '~'.repeat(256),
    });
    const sealed = await seal(
      { secret: 'x'.repeat(32), purpose: 'parcel-claims carrier credentials v1', boundTo: shopId },
      credentials,
    );
    await accounts.put(write(shopId, { sealed, clientIdHint: '~~~~…~~' }));
    await accounts.mark(shopId, 'cdek', 1, {
      reconciledOn: '2026-03-06',
      reconcileAfter: 'ш'.repeat(128),
      refusedAt: '2026-03-06T10:00:00.000Z',
    });
    const { Item } = await storage.client.send(
      new GetItemCommand({
        TableName: storage.tableName,
        Key: carrierAccountKey(shopId, 'cdek'),
        ConsistentRead: true,
      }),
    );
    const bytes = Object.entries(Item ?? {}).reduce(
      (sum, [name, value]) =>
        sum + Buffer.byteLength(name) + Buffer.byteLength(value.S ?? value.N ?? ''),
      0,
    );
    console.info('the largest carrier account item, bytes:', bytes);
    expect(bytes).toBeLessThan(3072);
  });
});
