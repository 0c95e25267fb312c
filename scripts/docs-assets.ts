/**
 * Copies the Swagger UI files the /docs page loads from node_modules/swagger-ui-dist into
 * public/docs/swagger-ui/, the Workers static assets directory (wrangler.toml `[assets]`):
 * the Worker serves them itself, so /docs needs no CDN. The copy is not committed; it is
 * made before wrangler runs (`npm start`, `npm run dev`, `npm run deploy`, the bundle
 * benchmark's `--dry-run`) and by the vitest projects that run the Worker (their global
 * setup). Not a wrangler `[build]`: `wrangler dev` ran it twice. Skips files up to date.
 *
 * Run: `npx tsx scripts/docs-assets.ts`
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCS_ASSET_PATH } from '../src/routes/docs/asset-path';

/** What the page needs, and the licence that must travel with it. */
export const DOCS_ASSET_FILES = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE'];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** @example syncDocsAssets() // ['swagger-ui-bundle.js', …] (the files it copied) */
export function syncDocsAssets(root = ROOT): string[] {
  const from = dirname(
    createRequire(join(root, 'package.json')).resolve('swagger-ui-dist/package.json'),
  );
  const to = join(root, 'public', ...DOCS_ASSET_PATH.split('/').filter(Boolean));
  mkdirSync(to, { recursive: true });
  return DOCS_ASSET_FILES.filter((file) => {
    const source = join(from, file);
    const target = join(to, file);
    if (existsSync(target) && readFileSync(target).equals(readFileSync(source))) return false;
    copyFileSync(source, target);
    return true;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const copied = syncDocsAssets();
  console.log(
    copied.length ? `docs assets: copied ${copied.join(', ')}` : 'docs assets: up to date',
  );
}
