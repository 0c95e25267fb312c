import { describe, expect, it } from 'vitest';
import { call, fieldErrorsOf } from './helpers';

const box = (l: string, w: string, h: string, kg: string) => ({
  lengthCm: l,
  widthCm: w,
  heightCm: h,
  weightKg: kg,
});

describe('POST /v1/weight', () => {
  it('charges the volumetric weight when the box is light for its size', async () => {
    const a = await call('POST', '/v1/weight', { packages: [box('40', '30', '20', '2.5')] });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({
      packages: [
        { volumetricKg: '4.800', physicalKg: '2.500', chargeableKg: '4.800', basis: 'volumetric' },
      ],
      totalChargeableKg: '4.800',
      divisor: 5000,
      policy: { id: 'cdek' },
    });
    expect((a.body.lines as unknown[]).length).toBeGreaterThan(0);
  });

  it('sums several packages, each measured on its own', async () => {
    const a = await call('POST', '/v1/weight', {
      packages: [box('40', '30', '20', '2.5'), box('10', '10', '10', '1.2')],
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body.totalChargeableKg).toBe('6.000');
  });

  it('accepts numbers for dimensions and a divisor override', async () => {
    const a = await call('POST', '/v1/weight', {
      divisor: 4000,
      packages: [{ lengthCm: 40, widthCm: 30, heightCm: 20, weightKg: '1' }],
    });
    expect(a.status, a.text).toBe(200);
    expect(a.body).toMatchObject({ divisor: 4000, totalChargeableKg: '6.000' });
  });

  it.each([
    [{ packages: [box('0', '30', '20', '1')] }, '/packages/0/lengthCm'],
    [{ packages: [box('10', '-3', '20', '1')] }, '/packages/0/widthCm'],
    [{ packages: [] }, '/packages'],
    [{ packages: [box('10', '10', '10', '1')], divisor: 4500.5 }, '/divisor'],
    [{}, '/packages'],
  ])('refuses %j with a 422 naming %s', async (body, pointer) => {
    const a = await call('POST', '/v1/weight', body);
    expect(a.status, a.text).toBe(422);
    expect(a.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldErrorsOf(a).map((e) => e.pointer)).toContain(pointer);
  });

  it('refuses an unknown carrier naming the field', async () => {
    const a = await call('POST', '/v1/weight', {
      carrier: 'nope',
      packages: [box('1', '1', '1', '1')],
    });
    expect(a.status, a.text).toBe(422);
    expect(a.body.type).toBe('/problems/policy-unknown');
    expect(fieldErrorsOf(a)[0]?.pointer).toBe('/carrier');
  });
});
