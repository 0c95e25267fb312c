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
