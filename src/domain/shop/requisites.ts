/**
 * A Russian business's registration numbers and their check digits, as the
 * Federal Tax Service defines them:
 * - INN: 10 digits for an organisation, 12 for an individual entrepreneur;
 *   the last one (two) are weighted sums of the others, mod 11, mod 10.
 * - OGRN: 13 digits (organisation), the last = first 12 mod 11 (mod 10);
 *   OGRNIP: 15 digits (entrepreneur), the last = first 14 mod 13 (mod 10).
 * - KPP: 9 characters, 4 digits, 2 digits or capital letters, 3 digits; an
 *   organisation has one, an entrepreneur none.
 *
 * A check digit is a weighted sum mod 11, so a run of zeros passes it: what the
 * numbers are made of is checked too. Each starts with a region's code (the INN
 * and KPP with their tax office's, 01–99; an OGRN at its 4th digit), never 00; an
 * OGRN's first digit says the record is a primary registration (1 or 5; an
 * OGRNIP's, 3); a KPP's last three digits number the registration from 001.
 */

const INN_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

const checkDigit = (digits: string, weights: readonly number[]): number =>
  (weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11) % 10;

/** Who an INN names: an organisation (10 digits) or an individual entrepreneur (12). */
export type TaxpayerKind = 'organisation' | 'entrepreneur';

/** Why a registration number is refused: the field code and its English message. */
export interface RequisiteProblem {
  /** `invalid_value`: well formed, check digit right, but not a number a tax office issues. */
  code: 'invalid_format' | 'check_digit' | 'required' | 'not_allowed' | 'invalid_value';
  message: string;
}

/** A well-formed number no tax office issues: the region code 00. */
const noRegion = (digits: string): RequisiteProblem => ({
  code: 'invalid_value',
  message: `has 00 as ${digits}, where a region’s code (01–99) goes: no tax office issues such a number`,
});

/**
 * @example innProblem('7736207543') // undefined (valid)
 * @example innProblem('7736207544') // { code: 'check_digit', … }
 * @example innProblem('0000000000') // { code: 'invalid_value', … }: check digit right, region 00
 */
export function innProblem(inn: string): RequisiteProblem | undefined {
  if (!/^(\d{10}|\d{12})$/.test(inn)) {
    return {
      code: 'invalid_format',
      message: 'must be 10 digits (organisation) or 12 (entrepreneur)',
    };
  }
  const valid =
    inn.length === 10
      ? checkDigit(inn, INN_10) === Number(inn[9])
      : checkDigit(inn, INN_11) === Number(inn[10]) && checkDigit(inn, INN_12) === Number(inn[11]);
  if (!valid) return { code: 'check_digit', message: 'has a wrong check digit' };
  return inn.startsWith('00') ? noRegion('its first two digits') : undefined;
}

/** @example taxpayerKind('7736207543') // 'organisation' */
export const taxpayerKind = (inn: string): TaxpayerKind =>
  inn.length === 10 ? 'organisation' : 'entrepreneur';

/** The first digit of a primary registration number: an organisation's OGRN, an entrepreneur's OGRNIP. */
const PRIMARY_SIGNS: Record<TaxpayerKind, readonly string[]> = {
  organisation: ['1', '5'],
  entrepreneur: ['3'],
};

/**
 * @example ogrnProblem('1027700229193', 'organisation') // undefined (valid)
 * @example ogrnProblem('0000000000000', 'organisation') // { code: 'invalid_value', … }: not 1 or 5 first
 */
export function ogrnProblem(ogrn: string, kind: TaxpayerKind): RequisiteProblem | undefined {
  const length = kind === 'organisation' ? 13 : 15;
  if (!new RegExp(`^\\d{${length}}$`).test(ogrn)) {
    const name = kind === 'organisation' ? 'an OGRN: 13 digits' : 'an OGRNIP: 15 digits';
    return { code: 'invalid_format', message: `must be ${name}, as the INN's length implies` };
  }
  const body = BigInt(ogrn.slice(0, -1));
  const expected = (body % BigInt(kind === 'organisation' ? 11 : 13)) % 10n;
  if (expected !== BigInt(ogrn.slice(-1))) {
    return { code: 'check_digit', message: 'has a wrong check digit' };
  }
  const signs = PRIMARY_SIGNS[kind];
  if (!signs.includes(ogrn.charAt(0))) {
    const name = kind === 'organisation' ? 'an OGRN' : 'an OGRNIP';
    const message = `must start with ${signs.join(' or ')}, as ${name} does (another first digit numbers a later record, not a registration)`;
    return { code: 'invalid_value', message };
  }
  return ogrn.slice(3, 5) === '00' ? noRegion('its 4th and 5th digits') : undefined;
}

/**
 * @example kppProblem('773601001') // undefined (valid)
 * @example kppProblem('000000000') // { code: 'invalid_value', … }: region 00
 */
export function kppProblem(kpp: string): RequisiteProblem | undefined {
  if (!/^\d{4}[0-9A-Z]{2}\d{3}$/.test(kpp)) {
    return {
      code: 'invalid_format',
      message: 'must be 9 characters: 4 digits, 2 digits or letters A–Z, 3 digits',
    };
  }
  if (kpp.startsWith('00')) return noRegion('its first two digits');
  if (kpp.endsWith('000')) {
    return {
      code: 'invalid_value',
      message: 'ends in 000: its last three digits number the registration from 001',
    };
  }
  return undefined;
}
