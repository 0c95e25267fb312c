import { createWorker } from '../../src/worker';
import { fixedClock } from '../support/answer';

/**
 * The Worker under test: exactly the deployed factory, with the clock pinned
 * so filing windows and "today" are the same on every run.
 */
export { TODAY } from '../support/answer';
export default createWorker({ clock: fixedClock });
