import { SELF } from 'cloudflare:test';
import { caller } from '../support/answer';

export { fieldErrorsOf, rub, type Answer } from '../support/answer';

/**
 * Calls the Worker exactly as deployed (through its fetch entry).
 *
 * @example
 * const a = await call('POST', '/v1/weight', { packages: [] });
 */
export const call = caller((url, init) => SELF.fetch(url, init));
