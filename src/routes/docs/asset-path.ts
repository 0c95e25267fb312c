/**
 * Where the Worker's static assets hold Swagger UI's files (`public` + this path);
 * scripts/docs-assets.ts copies them there.
 */
export const DOCS_ASSET_PATH = '/docs/swagger-ui';
