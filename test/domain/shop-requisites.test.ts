import { describe, expect, it } from 'vitest';
import { innProblem, kppProblem, ogrnProblem, taxpayerKind } from '../../src/domain/shop';

describe('a shop’s registration numbers', () => {
  it('accepts an organisation’s INN, OGRN and KPP whose check digits add up', () => {
    expect(innProblem('7736207543')).toBeUndefined();
    expect(taxpayerKind('7736207543')).toBe('organisation');
    expect(ogrnProblem('1027700229193', 'organisation')).toBeUndefined();
    expect(kppProblem('773601001')).toBeUndefined();
    expect(kppProblem('7736AB001')).toBeUndefined();
  });

  it('accepts an entrepreneur’s 12-digit INN (two check digits) and 15-digit OGRNIP', () => {
    expect(innProblem('500123456750')).toBeUndefined();
    expect(taxpayerKind('500123456750')).toBe('entrepreneur');
    expect(ogrnProblem('304500100000017', 'entrepreneur')).toBeUndefined();
  });

  it('refuses a changed digit as a wrong check digit', () => {
    expect(innProblem('7736207544')?.code).toBe('check_digit');
    expect(innProblem('500123456751')?.code).toBe('check_digit');
    expect(innProblem('500123456760')?.code).toBe('check_digit');
    expect(ogrnProblem('1027700229194', 'organisation')?.code).toBe('check_digit');
    expect(ogrnProblem('304500100000018', 'entrepreneur')?.code).toBe('check_digit');
  });

  it('refuses the wrong shape, naming what is expected', () => {
    expect(innProblem('77362075')?.code).toBe('invalid_format');
    expect(innProblem('77362075ab')?.code).toBe('invalid_format');
    expect(ogrnProblem('1027700229193', 'entrepreneur')?.message).toContain('15 digits');
    expect(kppProblem('77360100')?.code).toBe('invalid_format');
    expect(kppProblem('7736ab001')?.code).toBe('invalid_format');
  });
});

describe('numbers no tax office issues (issue 19, item 5)', () => {
  it('refuses all zeros, though their check digits add up', () => {
    expect(innProblem('0000000000')).toMatchObject({ code: 'invalid_value' });
    expect(innProblem('0000000000')?.message).toContain('00');
    expect(innProblem('000000000000')).toMatchObject({ code: 'invalid_value' });
    expect(ogrnProblem('0000000000000', 'organisation')).toMatchObject({ code: 'invalid_value' });
    expect(ogrnProblem('000000000000000', 'entrepreneur')).toMatchObject({
      code: 'invalid_value',
    });
    expect(kppProblem('000000000')).toMatchObject({ code: 'invalid_value' });
  });

  it('refuses an OGRN whose first digit is not a primary record’s (1 or 5; OGRNIP: 3)', () => {
    // A "2…" number with its check digit right: a later record's number, not an OGRN.
    const body = '202770022919';
    const check = String((BigInt(body) % 11n) % 10n);
    expect(ogrnProblem(body + check, 'organisation')?.message).toContain('1 or 5');
    const ip = '40450010000001';
    const ipCheck = String((BigInt(ip) % 13n) % 10n);
    expect(ogrnProblem(ip + ipCheck, 'entrepreneur')?.message).toContain('3');
  });

  it('refuses region 00 in an OGRN and a KPP, and a KPP numbered 000', () => {
    const body = '102000022919';
    const check = String((BigInt(body) % 11n) % 10n);
    expect(ogrnProblem(body + check, 'organisation')).toMatchObject({ code: 'invalid_value' });
    expect(kppProblem('003601001')).toMatchObject({ code: 'invalid_value' });
    expect(kppProblem('773601000')).toMatchObject({ code: 'invalid_value' });
  });

  it('still accepts the real numbers', () => {
    expect(innProblem('7736207543')).toBeUndefined();
    expect(ogrnProblem('1027700229193', 'organisation')).toBeUndefined();
    expect(ogrnProblem('304500100000017', 'entrepreneur')).toBeUndefined();
    expect(kppProblem('773601001')).toBeUndefined();
  });
});
