/**
 * A Russian business's registration numbers and their check digits, as the
 * Federal Tax Service defines them:
 * - INN: 10 digits for an organisation, 12 for an individual entrepreneur;
 *   the last one (two) are weighted sums of the others, mod 11, mod 10.
 * - OGRN: 13 digits (organisation), the last = first 12 mod 11 (mod 10);
 *   OGRNIP: 15 digits (entrepreneur), the last = first 14 mod 13 (mod 10).
 * - KPP: 9 characters, 4 digits, 2 digits or capital letters, 3 digits; an
 *   organisation has one, an entrepreneur none.
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
  code: 'invalid_format' | 'check_digit' | 'required' | 'not_allowed';
  message: string;
}

/**
 * @example innProblem('7736207543') // undefined (valid)
 * @example innProblem('7736207544') // { code: 'check_digit', … }
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
  return valid ? undefined : { code: 'check_digit', message: 'has a wrong check digit' };
}

/** @example taxpayerKind('7736207543') // 'organisation' */
export const taxpayerKind = (inn: string): TaxpayerKind =>
  inn.length === 10 ? 'organisation' : 'entrepreneur';

/**
 * @example ogrnProblem('1027700229193', 'organisation') // undefined (valid)
 */
export function ogrnProblem(ogrn: string, kind: TaxpayerKind): RequisiteProblem | undefined {
  const length = kind === 'organisation' ? 13 : 15;
  if (!new RegExp(`^\\d{${length}}$`).test(ogrn)) {
    const name = kind === 'organisation' ? 'an OGRN: 13 digits' : 'an OGRNIP: 15 digits';
    return { code: 'invalid_format', message: `must be ${name}, as the INN's length implies` };
  }
  const body = BigInt(ogrn.slice(0, -1));
  const expected = (body % BigInt(kind === 'organisation' ? 11 : 13)) % 10n;
  return expected === BigInt(ogrn.slice(-1))
    ? undefined
    : { code: 'check_digit', message: 'has a wrong check digit' };
}

/** @example kppProblem('773601001') // undefined (valid) */
export function kppProblem(kpp: string): RequisiteProblem | undefined {
  return /^\d{4}[0-9A-Z]{2}\d{3}$/.test(kpp)
    ? undefined
    : {
        code: 'invalid_format',
        message: 'must be 9 characters: 4 digits, 2 digits or letters A–Z, 3 digits',
      };
}
