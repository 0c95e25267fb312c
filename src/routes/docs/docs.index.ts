/**
 * Interactive docs at /docs: Swagger UI reading our /openapi.json. Swagger UI's
 * files are Workers static assets (`public/docs/swagger-ui/`, copied from
 * swagger-ui-dist by scripts/docs-assets.ts), served by the Worker's own
 * deployment: no CDN, so the page works offline and on every deployment.
 * No inline script: the page starts Swagger UI from /docs/start.js, and its CSP
 * allows scripts from this origin only.
 */
import { createRouter } from '../router';
import { DOCS_ASSET_PATH } from './asset-path';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><title>Parcel Claims API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${DOCS_ASSET_PATH}/swagger-ui.css">
</head>
<body>
<main id="ui"><noscript>The interactive docs need JavaScript; the contract itself is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</noscript></main>
<script src="${DOCS_ASSET_PATH}/swagger-ui-bundle.js"></script>
<script src="/docs/start.js"></script>
</body>
</html>`;

const start = `SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });\n`;

/** Swagger UI sets inline styles and loads its own SVG icons as data: URLs. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

export const docsRouter = createRouter();
docsRouter.get('/docs', (c) => c.html(page, 200, { 'content-security-policy': DOCS_CSP }));
docsRouter.get('/docs/start.js', (c) =>
  c.body(start, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
);
