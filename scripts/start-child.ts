/**
 * `npm start` as a child process of its own, for the end-to-end tests (test/e2e) and the
 * benchmarks that go through it: its data in a temporary folder, free ports, so a developer's
 * running `npm start` is untouched. What it prints (wrangler's log: requests, queue batches,
 * messages moved to a dead-letter queue) is kept in `<data>/npm-start.log`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateApiKey, hashApiKey } from '../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../src/storage/dynamodb';
import { clientFor } from './create-table';
import { freePort } from './dynamodb-local';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A demo key `npm start` stored in its data folder (demo-keys.json). */
interface DemoKey {
  keyId: string;
  key: string;
}

/** The running `npm start`. */
export interface StartedChild {
  /** The Worker, e.g. http://127.0.0.1:41873. */
  base: string;
  /** Its DynamoDB Local and table. */
  dynamoEndpoint: string;
  table: string;
  /** The demo keys it printed: shop `demo-shop`, its clerk, its test key. */
  keys: { shop: DemoKey; clerk: DemoKey; test: DemoKey };
  /** The file its output goes to. */
  logFile: string;
  /** Ctrl-C (wrangler and DynamoDB Local stop), then the data folder is removed. */
  stop(): Promise<void>;
}

/** Options: the table's name and variables for the Worker (read by scripts/start.ts). */
export interface StartChildOptions {
  table?: string;
  env?: Record<string, string>;
  /** How long `/ready` may take to answer 200 (default 120 s: a cold start on 2 CPUs). */
  readySeconds?: number;
}

async function waitReady(url: string, child: ChildProcess, seconds: number, log: string) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) {
      throw new Error(`npm start exited (${child.exitCode}):\n${readFileSync(log, 'utf8')}`);
    }
    const ok = await fetch(url).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s:\n${readFileSync(log, 'utf8')}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => (clearTimeout(timer), done()));
    child.kill('SIGINT');
  });
}

/**
 * Runs `npm start` (scripts/start.ts under tsx) and resolves once its Worker is ready.
 *
 * @example
 * const started = await startChild({ env: { WEBHOOK_RETRY_SCHEDULE: '1,1' } });
 * await fetch(`${started.base}/health`);
 * await started.stop();
 */
export async function startChild(options: StartChildOptions = {}): Promise<StartedChild> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const data = mkdtempSync(join(tmpdir(), 'npm-start-'));
  const logFile = join(data, 'npm-start.log');
  const log = createWriteStream(logFile);
  const [port, dynamoPort] = [await freePort(), await freePort()];
  const table = options.table ?? 'parcel-claims';
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...options.env,
      DATA_DIR: data,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      DYNAMODB_TABLE: table,
      WRANGLER_SEND_METRICS: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const stop = async () => {
    await stopChild(child);
    log.end();
    rmSync(data, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${base}/ready`, child, options.readySeconds ?? 120, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  const keys = JSON.parse(
    readFileSync(join(data, 'demo-keys.json'), 'utf8'),
  ) as StartedChild['keys'];
  return { base, dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`, table, keys, logFile, stop };
}

/**
 * A key of its own stored in the child's DynamoDB Local, as `npm run keys` stores one: a shop
 * key for `shopId`, or a clerk key (each its own per-key rate limit).
 *
 * @example const key = await seedKey(started, 'shop', 'shop-1'); // 'pca_…'
 */
export async function seedKey(
  child: Pick<StartedChild, 'dynamoEndpoint' | 'table'>,
  role: 'shop' | 'clerk',
  shopId?: string,
): Promise<string> {
  const { dynamoEndpoint: endpoint, table: tableName } = child;
  const client = clientFor({ endpoint, region: 'eu-central-1', tableName });
  try {
    const { keyId, key } = generateApiKey();
    await new DynamoApiKeyRepository({ client, tableName }).create({
      keyId,
      secretHash: await hashApiKey(key),
      role,
      ...(shopId === undefined ? {} : { shopId }),
      createdAt: new Date().toISOString(),
    });
    return key;
  } finally {
    client.destroy();
  }
}

/**
 * A request's init with a key and, when given, a JSON body.
 *
 * @example await fetch(`${base}/v1/claims`, keyed('POST', key, filing));
 */
export const keyed = (
  method: string,
  key: string,
  body?: unknown,
  headers: Record<string, string> = {},
): RequestInit => ({
  method,
  headers: {
    authorization: `Bearer ${key}`,
    ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    ...headers,
  },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
