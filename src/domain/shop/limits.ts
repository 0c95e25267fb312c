/**
 * The currency of a shop's remedy limits. Remedies are compared with a claim's money
 * without conversion (src/domain/remedy: a gift's value must be in the claim's currency,
 * and then in the limit's), and a claim's money is in its carrier policy's currency:
 * an uninsured loss is refused in any other (src/domain/compensation/uninsured.ts). A
 * limit in a currency no policy states its sums in would cap nothing and refuse every
 * gift, so the profile takes a limit only in one that a policy does.
 */
import type { CurrencyCode, MoneyJson } from '../money';
import { listPolicies } from '../policies';

/**
 * The currencies a limit may be in: those the carriers' policies state their sums in,
 * each once, in the policies' order. One profile holds one limit for every carrier, so
 * the set is the policies' together; a carrier in another currency widens it.
 *
 * @example LIMIT_CURRENCIES // ['RUB'] (cdek, russian-post and road-freight all state RUB)
 */
export const LIMIT_CURRENCIES: readonly CurrencyCode[] = [
  ...new Set(listPolicies().map((policy) => policy.currency)),
];

/** Why a limit is refused: the field code and its English message. */
export interface LimitProblem {
  code: 'currency_mismatch';
  message: string;
}

/**
 * Why a limit's money cannot be the shop's limit, or undefined when it can.
 *
 * @example limitCurrencyProblem({ amount: '1000.00', currency: 'RUB' }) // undefined
 * @example limitCurrencyProblem({ amount: '50.00', currency: 'USD' }) // { code: 'currency_mismatch', message: 'must be in RUB, …' }
 */
export function limitCurrencyProblem(limit: MoneyJson): LimitProblem | undefined {
  if (LIMIT_CURRENCIES.includes(limit.currency)) return undefined;
  const allowed = LIMIT_CURRENCIES.join(' or ');
  return {
    code: 'currency_mismatch',
    message: `must be in ${allowed}, the currency the carriers’ policies (and so the claims) state their sums in: no rule converts currencies, so a limit in ${limit.currency} would cap no gift and refuse every one`,
  };
}
