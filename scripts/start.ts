/**
 * `npm start`: DynamoDB Local persisted to .data/dynamodb (recorded in
 * .data/dynamodb-local.json, where `npm run keys` finds it), the table, demo API keys
 * (printed), the /docs assets, then the Worker against it as `wrangler dev` runs it (one build,
 * scripts/worker-dev.ts), its R2 buckets persisted to .data/wrangler. Ctrl-C stops both.
 * Everything under .data/ is private (folders 0700, files 0600).
 * Env: DYNAMODB_PORT (8000), DYNAMODB_TABLE (parcel-claims), PORT (8787), DATA_DIR (.data: where
 * DynamoDB Local, the demo keys, the desk secret and wrangler's local state are kept),
 * WEBHOOK_RETRY_SCHEDULE (passed on to the Worker when set: seconds between webhook retries),
 * INSPECTOR_PORT (a debugger on 127.0.0.1 at that port; none by default: scripts/worker-dev.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashApiKey, sandboxShopId } from '../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../src/storage/dynamodb';
import { DEFAULT_TABLE_NAME } from '../src/storage/table';
import { clientFor, ensureTable } from './create-table';
import { localDynamoPort, startDynamoLocal, type DynamoLocal } from './dynamodb-local';
import { syncDocsAssets } from './docs-assets';
import { issueKey } from './keys';
import { dataDirectory, recordDynamo, recordFile } from './local-state';
import { privateDirectory, withPrivateUmask, writePrivateFile } from './private-files';
import { wranglerDevEnv, type WorkerDevOptions } from './wrangler-dev';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = dataDirectory(process.env, root);
const demoKeysFile = join(dataDir, 'demo-keys.json');
const DEMO_SHOP = 'demo-shop';

interface DemoKey {
  keyId: string;
  key: string;
}
/** `test`: the demo shop's test key (its sandbox, `demo-shop~test`); absent in files from before. */
type DemoKeys = { shop: DemoKey; clerk: DemoKey; test: DemoKey };

/**
 * The demo keys from .data/demo-keys.json, re-stored if the database lost
 * them, replaced if revoked; so a restart prints the same keys.
 */
/** The name the desk shows for the demo clerk key. */
const DEMO_CLERK_NAME = 'Demo Clerk';

async function ensureDemoKeys(apiKeys: DynamoApiKeyRepository): Promise<DemoKeys> {
  const saved = existsSync(demoKeysFile)
    ? (JSON.parse(readFileSync(demoKeysFile, 'utf8')) as Partial<DemoKeys>)
    : {};
  const ensure = async (
    role: 'shop' | 'clerk',
    demo: DemoKey | undefined,
    test = false,
  ): Promise<DemoKey> => {
    const stored = demo && (await apiKeys.get(demo.keyId));
    const intact =
      stored &&
      stored.revokedAt === undefined &&
      stored.secretHash === (await hashApiKey(demo.key));
    if (demo && intact) {
      // Keys from before clerks had names get the demo name once.
      if (role === 'clerk' && stored.displayName === undefined)
        await apiKeys.setDisplayName(demo.keyId, DEMO_CLERK_NAME);
      return demo;
    }
    const generated = demo && !stored ? demo : undefined; // database wiped: store the same key again
    const { record, key } = await issueKey(apiKeys, {
      role,
      shopId: DEMO_SHOP,
      ...(role === 'clerk' ? { displayName: DEMO_CLERK_NAME } : {}),
      ...(test ? { test } : {}),
      ...(generated ? { generated } : {}),
    });
    return { keyId: record.keyId, key };
  };
  const keys = {
    shop: await ensure('shop', saved.shop),
    clerk: await ensure('clerk', saved.clerk),
    test: await ensure('shop', saved.test, true),
  };
  writePrivateFile(demoKeysFile, `${JSON.stringify(keys, null, 2)}\n`);
  return keys;
}

/**
 * A secret for local runs, generated once and kept in .data/<name> (git-ignored): the desk's
 * cookie-signing secret (so desk sessions survive a restart) and CARRIER_SECRET (so the
 * carrier credentials a shop gave stay readable after a restart).
 */
function localSecret(name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    writePrivateFile(file, `${secret}\n`);
  }
  return readFileSync(file, 'utf8').trim();
}

function startWorker(endpoint: string, table: string): ChildProcess {
  const options: WorkerDevOptions = {
    root,
    port: process.env.PORT ?? '8787',
    dataDir,
    endpoint,
    table,
    deskSessionSecret: localSecret('desk-session-secret'),
    carrierSecret: localSecret('carrier-secret'),
    webhookRetrySchedule: process.env.WEBHOOK_RETRY_SCHEDULE,
    inspectorPort: process.env.INSPECTOR_PORT,
  };
  // One node process (tsx as a loader, not its launcher): the PID we hold is the one that stops
  // the Worker, so stopping it shuts workerd down and releases the port. Under umask 077: the
  // files workerd writes to .data/wrangler (evidence, audited reports) are private too.
  return withPrivateUmask(() =>
    spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'worker-dev.ts')], {
      cwd: root,
      stdio: ['inherit', 'inherit', 'inherit'],
      env: { ...wranglerDevEnv(process.env), WORKER_DEV_OPTIONS: JSON.stringify(options) },
    }),
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(timer), done()));
    child.kill('SIGINT');
  });
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const table = process.env.DYNAMODB_TABLE ?? DEFAULT_TABLE_NAME;
  const dbPath = join(dataDir, 'dynamodb');
  // Keys, the desk secret and claims' personal data: .data/ is 0700, its files 0600.
  privateDirectory(dataDir);
  const started = performance.now();
  let db: DynamoLocal;
  try {
    db = await startDynamoLocal({ port: localDynamoPort(), dbPath });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Where `npm run keys` (and the other scripts) find it, whatever port it was given.
  recordDynamo(dataDir, { endpoint: db.endpoint, table, startedAt: new Date().toISOString() });
  const client = clientFor({ endpoint: db.endpoint, region: 'eu-central-1', tableName: table });
  let keys: DemoKeys;
  try {
    await ensureTable(client, table);
    keys = await ensureDemoKeys(new DynamoApiKeyRepository({ client, tableName: table }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await db.stop();
    process.exit(1);
  } finally {
    client.destroy();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`
DynamoDB Local   ${db.endpoint}  (table ${table}, data in ${relative(root, dbPath)}/, ready in ${seconds} s)
Demo shop key    (shop ${DEMO_SHOP})  ${keys.shop.key}
Demo clerk key   (${DEMO_CLERK_NAME})       ${keys.clerk.key}
Demo test key    (shop ${sandboxShopId(DEMO_SHOP)})  ${keys.test.key}
                 (saved in ${relative(root, demoKeysFile)}; more: npm run keys -- create --shop <id> --role shop,
                 which finds this DynamoDB Local in ${relative(root, recordFile(dataDir))})
Starting the Worker (wrangler, no inspector) on http://127.0.0.1:${process.env.PORT ?? '8787'} ... Ctrl-C stops everything.
`);
  // The /docs assets, copied before wrangler starts (wrangler.toml has no custom build: its
  // watcher ran one again on start, "The file src changed, restarting build…").
  syncDocsAssets();
  const worker = startWorker(db.endpoint, table);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopChild(worker);
    await db.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  worker.once('exit', (code) => {
    if (!stopping)
      console.error(`The Worker exited (${code ?? 'signal'}); stopping DynamoDB Local.`);
    void shutdown(stopping ? 0 : (code ?? 1));
  });
}

void main();
