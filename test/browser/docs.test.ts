/**
 * /docs in a real browser, with its CSP enforced and every request that does
 * not go to the Worker refused: Swagger UI loads from the Worker's own static
 * assets and lists every operation and every webhook (event type) of /openapi.json.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deskContext, launchChromium } from './browser';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

describe('the API docs at /docs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('list every operation, offline, with nothing loaded from elsewhere and no CSP violation', async () => {
    const origin = inject('deskUrl');
    const context = await deskContext(browser);
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto('/docs');
    await page.locator('.opblock').first().waitFor();
    const listed = await page
      .locator('.opblock')
      .evaluateAll((blocks) =>
        blocks.map(
          (b) =>
            `${b.querySelector('.opblock-summary-method')?.textContent?.toLowerCase()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`,
        ),
      );

    const doc = (await (await fetch(`${origin}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      webhooks: Record<string, Record<string, unknown>>;
    };
    // The operations, and the webhooks (listed by event type, in their own section).
    const documented = [...Object.entries(doc.paths), ...Object.entries(doc.webhooks)].flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(documented.length).toBeGreaterThan(15);
    expect(listed.sort()).toEqual(documented.sort());
    const webhooks = await page.locator('.webhooks .opblock').count();
    expect(webhooks).toBe(Object.keys(doc.webhooks).length);
    expect(webhooks).toBeGreaterThan(8);
    for (const tag of ['calculators', 'reference', 'claims', 'meta']) {
      await page.locator(`.opblock-tag[data-tag="${tag}"]`).waitFor();
    }
    expect(elsewhere).toEqual([]);
    expect(problems).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}docs.png` });
    await context.close();
  });
});
