/**
 * What the Worker bundle (and the tests) get for `import … from 'zod'` (wrangler.toml [alias]).
 *
 * `@hono/zod-openapi` hands the whole `z` namespace to `extendZodWithOpenApi`, so the bundler
 * must keep every export of it, used or not. This module is zod's own namespace with the members
 * we never use emptied, which takes ~110 KB (minified) out of the bundle:
 * - `locales` and `core.locales`: 64 error-message translations, 258 KB. Our messages are
 *   English, zod's default `en` locale, which zod loads itself.
 * - `compile`, `compileFn`, `withParser` and their errors: the ahead-of-time parser compiler.
 * - `fromJSONSchema`: building schemas from JSON Schema.
 * The bundle and every vitest project resolve `zod` to this file (vitest.config.ts reads the
 * alias), so the tests run what ships; types and scripts (tsx) see zod unchanged.
 * test/scripts/bundle-aliases.test.ts checks that nothing else differs.
 */
import * as self from './zod';
import { notBundled } from './not-bundled';
export * from 'zod/v4';
export * as core from './zod-core';
export {
  INVALID,
  compile,
  withParser,
  ZodCompileAsyncError,
  ZodCompileUnsupportedError,
} from './zod-core';
export const locales = {};
export const fromJSONSchema = notBundled('zod', 'fromJSONSchema');
export { self as z, self as default };
