/**
 * `npm run bench`: prints every benchmark as Markdown tables, ready for
 * BENCHMARKS.md. Figures are compared as ratios measured in one run.
 */
import { benchBundle } from './bench/bundle';
import { benchCalculators } from './bench/calculators';
import { benchClaims } from './bench/claims';
import { benchLateSpan } from './bench/late-span';
import { benchWorkerd } from './bench/workerd';

const sections: [string, () => Promise<string[]> | string[]][] = [
  [
    'Calculator routes in workerd (the minified bundle under load) vs. a bare Hono bundle',
    benchWorkerd,
  ],
  ['Calculator routes vs. a bare Hono route (app.request, one process)', benchCalculators],
  ['Late compensation: 10-year vs. 3-day delay (domain call)', benchLateSpan],
  ['Claims on DynamoDB Local: filing vs. raw PutItem, listing 1,000 claims', benchClaims],
  ['Worker bundle (wrangler deploy --dry-run --minify)', benchBundle],
];

const only = process.argv[2];
for (const [title, run] of sections) {
  if (only && !title.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`\n### ${title}\n`);
  console.log((await run()).join('\n'));
}
