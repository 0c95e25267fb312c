/**
 * The carrier-account service on DynamoDB Local: without CARRIER_SECRET nothing is asked or
 * kept; the credentials are kept sealed (bound to the shop: another shop's copy does not open)
 * and never in the clear; a refusal or an unreachable CDEK stores nothing.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors';
import type { Principal } from '../../src/services/actor';
import {
  createCarrierAccountService,
  maskClientId,
  openCredentials,
} from '../../src/services/carrier-accounts';
import type { CarrierConnector } from '../../src/services/carrier-connector';
import {
  CarrierSecretUnsetError,
  CarrierUnavailableError,
} from '../../src/services/carrier-errors';
import { carrierAccountKey } from '../../src/storage/dynamodb/keys';
import { freshStorage } from '../storage/helpers';

const storage = await freshStorage();
const clock = () => new Date('2026-03-06T09:00:00Z');
const secret = 'a carrier secret of at least thirty-two characters';
const good = { clientId: 'EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI', clientSecret: 'PjLZkKBHEiLK3Ysj' };
const asked: string[] = [];
const connector: CarrierConnector = {
  check: async ({ clientId }) => {
    asked.push(clientId);
    return clientId === good.clientId ? 'ok' : clientId === 'down' ? 'unavailable' : 'refused';
  },
  reader: () => async () => ({ outcome: 'unavailable', why: 'not used' }),
};
const shop = (shopId: string): Principal => ({ keyId: 'k', role: 'shop', shopId });

describe('the carrier-account service', () => {
  it('without CARRIER_SECRET asks nobody and keeps nothing', async () => {
    const service = createCarrierAccountService({ storage, clock, connector });
    asked.length = 0;
    await expect(service.put(shop('s-none'), 'cdek', good)).rejects.toThrow(
      CarrierSecretUnsetError,
    );
    expect(asked).toEqual([]);
    expect(await storage.carrierAccounts.get('s-none', 'cdek')).toBeUndefined();
  });

  it('keeps the credentials sealed to the shop, never in the clear', async () => {
    const service = createCarrierAccountService({ storage, clock, secret, connector });
    const { account, created } = await service.put(shop('s-1'), 'cdek', good);
    expect(created).toBe(true);
    expect(account).toEqual({
      carrier: 'cdek',
      clientId: 'EMsc…eI',
      updatedAt: clock().toISOString(),
    });
    const { Item } = await storage.client.send(
      new GetItemCommand({ TableName: storage.tableName, Key: carrierAccountKey('s-1', 'cdek') }),
    );
    const stored = JSON.stringify(Item);
    expect(stored).not.toContain(good.clientSecret);
    expect(stored).not.toContain(good.clientId);
    const record = (await storage.carrierAccounts.get('s-1', 'cdek'))!;
    expect(await openCredentials(secret, record)).toEqual(good);
    expect(await openCredentials(`${secret}!`, record)).toBeUndefined();
    expect(await openCredentials(secret, { ...record, shopId: 's-2' })).toBeUndefined();
  });

  it('stores nothing when CDEK refuses or does not answer', async () => {
    const service = createCarrierAccountService({ storage, clock, secret, connector });
    const refused = service.put(shop('s-3'), 'cdek', { ...good, clientId: 'other' });
    await expect(refused).rejects.toThrow(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: 'carrier-credentials-refused',
      pointer: '/clientSecret',
    });
    await expect(service.put(shop('s-3'), 'cdek', { ...good, clientId: 'down' })).rejects.toThrow(
      CarrierUnavailableError,
    );
    expect(await storage.carrierAccounts.get('s-3', 'cdek')).toBeUndefined();
  });

  it.each([
    ['EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI', 'EMsc…eI'],
    ['abcdefg', 'abcd…fg'],
    ['abc', 'a…'],
  ])('masks %s as %s', (id, masked) => expect(maskClientId(id)).toBe(masked));
});
