import { calculatorApp } from '../../scripts/bench/calculators';
import { caller, fixedClock } from '../support/answer';

export { fieldErrorsOf, rub, TODAY, type Answer } from '../support/answer';

/** The API with no storage behind it (its client points nowhere), in this process. */
export const app = calculatorApp(fixedClock);

/**
 * Calls the app in process (`app.request()`), as hono's own tests do: no
 * workerd, no DynamoDB, no Java.
 *
 * @example
 * const a = await call('POST', '/v1/weight', { packages: [] });
 */
export const call = caller((url, init) => app.request(url, init));
