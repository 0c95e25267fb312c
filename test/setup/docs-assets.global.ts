/**
 * Vitest globalSetup of the workers and browser suites: the Workers static assets directory
 * (wrangler.toml `[assets]`), which the pool needs to exist, filled as
 * `npm start` and `npm run deploy` fill it (scripts/docs-assets.ts).
 */
import { syncDocsAssets } from '../../scripts/docs-assets';

export default function setup(): void {
  syncDocsAssets();
}
