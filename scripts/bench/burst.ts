/**
 * `npm run bench -- burst`: 300 filings from 20 shops sent at once to `npm start` (the Worker
 * in wrangler's local runtime, its queue consumer, DynamoDB Local), as issue 18 asks: every one must be
 * answered 201 and stored once. `npm start` runs here as a child process of its own, with its
 * data in a temporary folder and free ports, so a developer's running `npm start` is untouched.
 * Then each shop lists its claims (each filing exactly once, none of another shop's) and, once
 * the queue has delivered the changes, reads its status counts (every filing counted once).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filingExample } from '../../src/schemas/examples';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../../src/storage/dynamodb';
import { clientFor } from '../create-table';
import { freePort } from '../dynamodb-local';
import { fmt, median } from './measure';

const SHOPS = 20;
const PER_SHOP = 15;

async function waitFor(url: string, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not up yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

export async function benchBurst(): Promise<string[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const data = mkdtempSync(join(tmpdir(), 'burst-'));
  const [port, dynamoPort] = [await freePort(), await freePort()];
  const table = 'burst';
  const start = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATA_DIR: data,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      DYNAMODB_TABLE: table,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/ready`, 120);
    const client = clientFor({
      endpoint: `http://127.0.0.1:${dynamoPort}`,
      region: 'eu-central-1',
      tableName: table,
    });
    const apiKeys = new DynamoApiKeyRepository({ client, tableName: table });
    const shops = await Promise.all(
      Array.from({ length: SHOPS }, async (_, i) => {
        const { keyId, key } = generateApiKey();
        const shopId = `burst-shop-${i}`;
        await apiKeys.create({
          keyId,
          secretHash: await hashApiKey(key),
          role: 'shop',
          shopId,
          createdAt: new Date().toISOString(),
        });
        return { shopId, key };
      }),
    );
    // Shipped a few days ago by the real clock (the Worker's): within the filing window.
    const shippedDate = new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10);
    const started = performance.now();
    const answers = await Promise.all(
      shops.flatMap(({ shopId, key }) =>
        Array.from({ length: PER_SHOP }, async (_, n) => {
          const t = performance.now();
          const res = await fetch(`${base}/v1/claims`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${key}`,
              'content-type': 'application/json',
              'idempotency-key': `${shopId}-${n}`,
            },
            body: JSON.stringify({ ...filingExample, shippedDate, waybill: `${shopId}-WB-${n}` }),
          });
          const body = (await res.json()) as { id?: string; type?: string };
          return {
            shopId,
            status: res.status,
            id: body.id,
            problem: body.type,
            ms: performance.now() - t,
          };
        }),
      ),
    );
    const wall = performance.now() - started;
    const statuses = new Map<string, number>();
    for (const a of answers) {
      const label = a.status === 201 ? '201' : `${a.status} ${a.problem ?? ''}`;
      statuses.set(label, (statuses.get(label) ?? 0) + 1);
    }
    // Stored once: each shop's listing holds exactly its own filings, each once.
    let listedRight = 0;
    for (const { shopId, key } of shops) {
      const res = await fetch(`${base}/v1/claims?limit=100`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const page = (await res.json()) as { items: { id: string; shopId: string }[] };
      const mine = answers.filter((a) => a.shopId === shopId && a.status === 201).map((a) => a.id);
      const listed = page.items.map((c) => c.id).sort();
      if (JSON.stringify(listed) === JSON.stringify(mine.sort())) listedRight++;
    }
    // Counted once, by the queue's consumer (a moment after the answers).
    let counted = 0;
    for (let attempt = 0; attempt < 60 && counted < SHOPS; attempt++) {
      counted = 0;
      for (const { key } of shops) {
        const res = await fetch(`${base}/v1/claim-counts`, {
          headers: { authorization: `Bearer ${key}` },
        });
        const answer = (await res.json()) as { total?: number };
        if (answer.total === PER_SHOP) counted++;
      }
      if (counted < SHOPS) await new Promise((done) => setTimeout(done, 500));
    }
    client.destroy();
    return [
      `${SHOPS * PER_SHOP} filings (${PER_SHOP} from each of ${SHOPS} shops, each with its own Idempotency-Key) sent at once to \`npm start\` (wrangler's local runtime without an inspector, its queue consumer, DynamoDB Local), in ${fmt(wall / 1000, 1)} s; median answer ${fmt(median(answers.map((a) => a.ms)), 0)} ms.`,
      '',
      '| answer | filings |',
      '|---|---|',
      ...[...statuses].map(([label, n]) => `| ${label} | ${n} |`),
      '',
      `Shops whose listing holds exactly their own filings, each once: **${listedRight} of ${SHOPS}**. Shops whose status counts (kept by the queue's consumer) show each filing once: **${counted} of ${SHOPS}**.`,
    ];
  } finally {
    await new Promise<void>((done) => {
      if (start.exitCode !== null) return done();
      start.once('exit', () => done());
      start.kill('SIGINT');
      setTimeout(() => start.kill('SIGKILL'), 15_000);
    });
    rmSync(data, { recursive: true, force: true });
  }
}
