/**
 * Vitest globalSetup of the workers suite: the Workers static assets directory
 * (wrangler.toml `[assets]`), which the pool needs to exist, filled as
 * `wrangler dev` and `wrangler deploy` fill it (scripts/docs-assets.ts).
 */
import { syncDocsAssets } from '../../scripts/docs-assets';

export default function setup(): void {
  syncDocsAssets();
}
