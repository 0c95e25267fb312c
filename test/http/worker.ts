import { createWorker } from '../../src/worker';

/**
 * The Worker under test: exactly the deployed factory, with the clock pinned
 * so filing windows and "today" are the same on every run.
 */
export const TODAY = '2025-06-16';
export default createWorker({ clock: () => new Date(`${TODAY}T09:00:00.000Z`) });
