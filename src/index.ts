import { createWorker } from './worker';

/** The deployed Worker (wrangler.toml `main`). */
export default createWorker();
