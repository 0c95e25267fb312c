/**
 * Driving Debian's Chromium with playwright-core, and the checks every page
 * gets: axe-core in the page (0 violations) and a screenshot for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** @example const browser = await launchChromium(); */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A fresh browser profile on the desk. `bypassCSP` only lets the test inject
 * axe-core as a script tag; the CSP itself is checked in a context without it.
 *
 * @example const context = await deskContext(browser, { bypassCSP: true });
 */
export async function deskContext(
  browser: Browser,
  options: { bypassCSP?: boolean; locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: inject('deskUrl'),
    bypassCSP: options.bypassCSP ?? false,
    locale: options.locale ?? 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  // A desk page answers in milliseconds: a step that waits longer has failed; say so early.
  context.setDefaultTimeout(10_000);
  return context;
}

/** @example await signIn(page, inject('clerkKey')); */
export async function signIn(page: Page, key: string): Promise<void> {
  await page.goto('/desk/sign-in');
  await page.getByLabel(/Clerk API key|API-ключ сотрудника/).fill(key);
  await page.getByRole('button', { name: /Sign in|Войти/ }).click();
}

function describeViolations(results: AxeResults): string {
  return results.violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
    )
    .join('\n');
}

/**
 * A page signed in to the desk with a clerk key, landed on the queue.
 *
 * @example const page = await clerkPage(browser, inject('clerkKey'));
 */
export async function clerkPage(browser: Browser, key: string): Promise<Page> {
  const page = await (await deskContext(browser, { bypassCSP: true })).newPage();
  await signIn(page, key);
  await page.waitForURL('**/desk/claims');
  return page;
}

/**
 * axe-core run in the page (0 violations expected, each named on failure),
 * then a full-page screenshot, test-results/screenshots/<name>.png (names are unique per suite).
 *
 * @example await checkPage(page, 'queue');
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.addScriptTag({ path: AXE_PATH });
  // A string runs in the page as is (this project compiles without the DOM library).
  const results = await page.evaluate<AxeResults>('axe.run(document)');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  expect(
    results.violations,
    `axe on ${name} (${page.url()}):\n${describeViolations(results)}`,
  ).toEqual([]);
}

/**
 * A date `offset` days from today (UTC), as the Worker's clock sees it.
 *
 * @example isoDay(-10) // '2026-11-13'
 */
export const isoDay = (offset = 0): string =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A waybill no other test uses. */
export const uniqueWaybill = (): string => `WB${Date.now()}${Math.floor(Math.random() * 1000)}`;
