import { beforeAll, describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';

const profile = shopInputExample;

let shop: Awaited<ReturnType<typeof seedShop>>;
let other: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  other = await seedShop();
  clerk = await seedKey('clerk');
});

describe('the shop’s profile', () => {
  it('is a 404 until sent, then created (201), read back and replaced with a new version', async () => {
    const none = await call('GET', '/v1/shop', undefined, shop.auth);
    expect(none.status, none.text).toBe(404);
    const created = await call('PUT', '/v1/shop', profile, shop.auth);
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ ...profile, shopId: shop.shopId, version: 1 });
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('cache-control')).toBe('no-store');
    const replaced = await call(
      'PUT',
      '/v1/shop',
      { ...profile, legalName: 'ООО «Лютик»' },
      shop.auth,
    );
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body).toMatchObject({ legalName: 'ООО «Лютик»', version: 2 });
    const read = await call('GET', '/v1/shop', undefined, shop.auth);
    expect(read.body).toStrictEqual(replaced.body);
    expect(read.headers.get('etag')).toBe('"2"');
  });

  it('is read by a clerk naming the shop, never by another shop', async () => {
    await call('PUT', '/v1/shop', profile, shop.auth);
    const byClerk = await call('GET', `/v1/shop?shopId=${shop.shopId}`, undefined, clerk.auth);
    expect(byClerk.status, byClerk.text).toBe(200);
    const unnamed = await call('GET', '/v1/shop', undefined, clerk.auth);
    expect(unnamed.status, unnamed.text).toBe(422);
    const peek = await call('GET', `/v1/shop?shopId=${shop.shopId}`, undefined, other.auth);
    expect(peek.status, peek.text).toBe(422);
    const put = await call('PUT', '/v1/shop', profile, clerk.auth);
    expect(put.status, put.text).toBe(403);
  });

  it('refuses wrong check digits and a KPP that does not fit the INN, naming each field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ inn: '7736207544' }, '/inn', 'check_digit'],
      [{ ogrn: '1027700229194' }, '/ogrn', 'check_digit'],
      [{ kpp: undefined }, '/kpp', 'required'],
      [{ inn: '500123456750', ogrn: '304500100000017' }, '/kpp', 'not_allowed'],
      [{ ogrn: '304500100000017' }, '/ogrn', 'invalid_format'],
      [
        {
          remedyLimits: {
            maxDiscountPercent: 120,
            maxGiftValue: profile.remedyLimits.maxGiftValue,
          },
        },
        '/remedyLimits/maxDiscountPercent',
        'too_big',
      ],
    ];
    for (const [change, pointer, code] of cases) {
      const a = await call('PUT', '/v1/shop', { ...profile, ...change }, other.auth);
      expect(a.status, a.text).toBe(422);
      expect(fieldErrorsOf(a)).toContainEqual(expect.objectContaining({ pointer, code }));
    }
    const entrepreneur = { ...profile, inn: '500123456750', ogrn: '304500100000017' };
    delete (entrepreneur as Partial<typeof profile>).kpp;
    const ok = await call('PUT', '/v1/shop', entrepreneur, other.auth);
    expect(ok.status, ok.text).toBe(201);
  });
});

describe('what the profile cannot be (issue 19, item 5)', () => {
  it('refuses limits in a currency no carrier’s policy states its sums in, naming the field', async () => {
    const usd = {
      ...profile,
      remedyLimits: { maxDiscountPercent: 10, maxGiftValue: { amount: '50.00', currency: 'USD' } },
    };
    const a = await call('PUT', '/v1/shop', usd, other.auth);
    expect(a.status, a.text).toBe(422);
    expect(fieldErrorsOf(a)).toContainEqual(
      expect.objectContaining({
        pointer: '/remedyLimits/maxGiftValue/currency',
        code: 'currency_mismatch',
        detail: expect.stringContaining('RUB'),
      }),
    );
  });

  it('refuses numbers that pass their check digits but no tax office issues', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ inn: '0000000000' }, '/inn'],
      [{ ogrn: '0000000000000' }, '/ogrn'],
      [{ kpp: '000000000' }, '/kpp'],
    ];
    for (const [change, pointer] of cases) {
      const a = await call('PUT', '/v1/shop', { ...profile, ...change }, other.auth);
      expect(a.status, a.text).toBe(422);
      expect(fieldErrorsOf(a)).toContainEqual(
        expect.objectContaining({ pointer, code: 'invalid_value' }),
      );
    }
  });

  it('refuses control characters in every free-text field, naming each', async () => {
    const fields: [Record<string, unknown>, string][] = [
      [{ legalName: 'ООО «Ромашка»\u0000' }, '/legalName'],
      [{ legalName: 'ООО\u0007«Ромашка»' }, '/legalName'],
      [{ address: 'Москва,\nул. Льва Толстого, д. 16' }, '/address'],
      [{ address: 'Москва\u009b' }, '/address'],
      [{ signatory: { name: 'Иванова\tМария', position: 'Директор' } }, '/signatory/name'],
      [{ signatory: { name: 'Иванова Мария', position: 'Директор\u007f' } }, '/signatory/position'],
    ];
    for (const [change, pointer] of fields) {
      const a = await call('PUT', '/v1/shop', { ...profile, ...change }, other.auth);
      expect(a.status, `${pointer}: ${a.text}`).toBe(422);
      expect(fieldErrorsOf(a)).toContainEqual(
        expect.objectContaining({
          pointer,
          code: 'control_character',
          detail: expect.stringContaining('control character'),
        }),
      );
    }
  });
});
