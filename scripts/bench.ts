/**
 * `npm run bench`: prints every benchmark as Markdown tables, ready for
 * BENCHMARKS.md. Figures are compared as ratios measured in one run;
 * `npm run bench -- <word>` runs one section (workerd, calculators, late, storage, burst, shipments, bundle, webhooks, audit).
 */
import { benchBundle } from './bench/bundle';
import { benchCalculators } from './bench/calculators';
import { benchStorage } from './bench/storage';
import { benchBurst } from './bench/burst';
import { benchLateSpan } from './bench/late-span';
import { benchShipments } from './bench/shipments';
import { benchWorkerd } from './bench/workerd';
import { benchWebhooks } from './bench/webhooks';
import { benchAudit } from './bench/audit';
import { BenchFailure } from './bench/measure';

/** Each section: the word that runs it alone, its title, its run. */
const sections: [string, string, () => Promise<string[]> | string[]][] = [
  [
    'workerd',
    'Calculator routes in workerd (the minified bundle under load) vs. bare Hono bundles',
    benchWorkerd,
  ],
  [
    'calculators',
    'Calculator routes vs. bare Hono routes (app.request, one process)',
    benchCalculators,
  ],
  ['late', 'Late compensation: 10-year vs. 3-day delay (domain call)', benchLateSpan],
  [
    'storage',
    'The data model on DynamoDB Local: write units, shared items, filing latency, listing',
    benchStorage,
  ],
  ['burst', 'A burst of 300 filings from 20 shops at once through npm start', benchBurst],
  [
    'shipments',
    'Shipments on DynamoDB Local: event ingest vs. raw PutItem, late listing among 10,000 open',
    benchShipments,
  ],
  ['bundle', 'Worker bundle (wrangler deploy --dry-run --minify)', benchBundle],
  [
    'webhooks',
    'Webhooks: a burst of 1,000 claim changes through npm start, each event delivered once',
    benchWebhooks,
  ],
  [
    'audit',
    'Audits: 10,000 rows of domain work; a 100,000-row report and 5,000 claims through npm start',
    benchAudit,
  ],
];

const only = process.argv[2]?.toLowerCase();
if (only && !sections.some(([word]) => word.startsWith(only))) {
  throw new Error(`no section '${only}'; one of: ${sections.map(([word]) => word).join(', ')}`);
}
for (const [word, title, run] of sections) {
  if (only && !word.startsWith(only)) continue;
  console.log(`\n### ${title}\n`);
  try {
    console.log((await run()).join('\n'));
  } catch (error) {
    // A missed hard limit (the bundle's 200 KB): its rows still print, the run fails.
    if (!(error instanceof BenchFailure)) throw error;
    console.log(error.lines.join('\n'));
    console.error(`\n**FAILED**: ${error.message}`);
    process.exitCode = 1;
  }
}
