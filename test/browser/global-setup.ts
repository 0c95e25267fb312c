/**
 * Vitest globalSetup of the browser suite: an in-memory DynamoDB Local with
 * the table, a clerk key and a shop key, and the real Worker under
 * `wrangler dev` against it. Chromium is checked first: without it the suite
 * fails with one line saying how to install it, it never silently passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { clientFor, ensureTable } from '../../scripts/create-table';
import { freePort, startDynamoLocal, type DynamoLocal } from '../../scripts/dynamodb-local';
import { generateApiKey, hashApiKey } from '../../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../../src/storage/dynamodb';
import { CHROMIUM_PATH } from './browser';

declare module 'vitest' {
  interface ProvidedContext {
    deskUrl: string;
    clerkKey: string;
    shopKey: string;
    shopId: string;
    deskDynamoEndpoint: string;
    deskTable: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TABLE = 'desk-browser';
const SHOP_ID = 'phone-shop';

async function seedKey(repo: DynamoApiKeyRepository, role: 'clerk' | 'shop'): Promise<string> {
  const { keyId, key } = generateApiKey();
  const shop = role === 'shop' ? { shopId: SHOP_ID } : {};
  await repo.create({
    keyId,
    secretHash: await hashApiKey(key),
    role,
    ...shop,
    createdAt: new Date().toISOString(),
  });
  return key;
}

function startWrangler(
  port: number,
  endpoint: string,
): { child: ChildProcess; tail: () => string } {
  const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
  const args = [
    'node_modules/wrangler/bin/wrangler.js',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
  ];
  args.push('--show-interactive-dev-session=false', '--log-level', 'warn');
  args.push('--var', `DYNAMODB_ENDPOINT:${endpoint}`, '--var', `DYNAMODB_TABLE:${TABLE}`);
  args.push('--var', `DESK_SESSION_SECRET:${secret}`);
  // A change's derived figures (tabs' counts, search, the unacknowledged list) before the
  // answer, not a moment later through the queue: each page a test opens is then current.
  args.push('--var', 'CLAIM_CHANGES_INLINE:true');
  // node runs wrangler's own entry: the PID we hold is wrangler, which stops workerd when it stops.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, tail: () => tail };
}

async function waitForHealth(url: string, child: ChildProcess, tail: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${tail()}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`wrangler dev did not answer /health within 90 s:\n${tail()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(timer), done()));
    child.kill('SIGINT');
  });
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error('Chromium is needed for the browser tests: apt-get install -y chromium');
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let db: DynamoLocal | undefined;
  let wrangler: ChildProcess | undefined;
  const teardown = async () => {
    if (wrangler) await stop(wrangler);
    await db?.stop();
  };
  try {
    db = await startDynamoLocal();
    const client = clientFor({ endpoint: db.endpoint, region: 'eu-central-1', tableName: TABLE });
    await ensureTable(client, TABLE);
    const repo = new DynamoApiKeyRepository({ client, tableName: TABLE });
    const clerkKey = await seedKey(repo, 'clerk');
    const shopKey = await seedKey(repo, 'shop');
    client.destroy();
    const port = await freePort();
    const started = startWrangler(port, db.endpoint);
    wrangler = started.child;
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, wrangler, started.tail);
    provide('deskUrl', url);
    provide('clerkKey', clerkKey);
    provide('shopKey', shopKey);
    provide('shopId', SHOP_ID);
    provide('deskDynamoEndpoint', db.endpoint);
    provide('deskTable', TABLE);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
