/**
 * Creates the table (if missing) and enables TTL; idempotent.
 *   tsx scripts/create-table.ts [--endpoint URL] [--table NAME] [--region REGION] [--target dynamodb|ydb]
 *   tsx scripts/create-table.ts --write-cloudformation   (regenerates scripts/table.cloudformation.json)
 * Env: DYNAMODB_ENDPOINT, DYNAMODB_TABLE (parcel-claims), DYNAMODB_REGION (eu-central-1);
 * Without an endpoint: the local DynamoDB of `npm start`, on DYNAMODB_PORT if set, else where
 * `npm start` recorded it (.data/dynamodb-local.json), else on 8000. Every script on a table
 * (this one, rebuild-aggregates, migrate, keys) first prints the database it works on.
 * YDB (Yandex Managed Service for YDB, serverless): its Document API endpoint
 * (`https://docapi.serverless.yandexcloud.net/ru-central1/<cloud>/<db>`) selects `--target ydb`
 * by itself (indexes projecting ALL, the only kind YDB has); DYNAMODB_REGION=ru-central1 and the
 * service account's static key in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { createDynamoClient } from '../src/storage/dynamodb/client';
import { errorName, toStorageError } from '../src/storage/dynamodb/errors';
import { StorageUnavailableError } from '../src/storage/errors';
import {
  cloudFormationTemplate,
  DEFAULT_TABLE_NAME,
  INDEXES,
  TABLE_TARGETS,
  tableDefinition,
  TTL_ATTRIBUTE,
  type TableTarget,
} from '../src/storage/table';
import { localDynamoEndpoint, localDynamoPort } from './dynamodb-local';
import { dataDirectory, readRecordedDynamo, recordFile, type RecordedDynamo } from './local-state';

export const CLOUDFORMATION_PATH = new URL('./table.cloudformation.json', import.meta.url);

export interface Connection {
  /** Undefined: real AWS, credentials from the environment. */
  endpoint: string | undefined;
  tableName: string;
  region: string;
}

/**
 * Flags win over env. Without an endpoint, real AWS is used only when AWS
 * configuration is in the environment; otherwise the local DynamoDB of `npm start`:
 * on DYNAMODB_PORT when it is set, else where `npm start` recorded it (`recorded`, read from
 * .data/ by the caller: scripts/local-state.ts) with its table, else on port 8000.
 *
 * @example
 * resolveConnection({}, { DYNAMODB_TABLE: 'x' }); // { endpoint: 'http://127.0.0.1:8000', tableName: 'x', region: 'eu-central-1' }
 * resolveConnection({}, { DYNAMODB_PORT: '8123' }).endpoint; // 'http://127.0.0.1:8123'
 * resolveConnection({}, {}, { endpoint: 'http://127.0.0.1:8011', table: 't', startedAt: '…' }).endpoint; // 'http://127.0.0.1:8011'
 */
export function resolveConnection(
  flags: { endpoint?: string | undefined; table?: string | undefined; region?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
  recorded?: RecordedDynamo,
): Connection {
  const local = localDynamoOf(flags, env, recorded);
  return {
    endpoint: flags.endpoint ?? env.DYNAMODB_ENDPOINT ?? local?.endpoint,
    tableName: flags.table ?? env.DYNAMODB_TABLE ?? local?.table ?? DEFAULT_TABLE_NAME,
    region: flags.region ?? env.DYNAMODB_REGION ?? env.AWS_REGION ?? 'eu-central-1',
  };
}

/** How `resolveConnection` chose its database, in words, for a script to print. */
export type ConnectionOrigin =
  | '--endpoint'
  | 'DYNAMODB_ENDPOINT'
  | 'AWS (configured in the environment)'
  | 'DYNAMODB_PORT'
  | 'recorded by npm start'
  | 'the default port (npm start recorded none)';

/**
 * Why the database is the one `resolveConnection` names, with the same arguments.
 *
 * @example connectionOrigin({}, { DYNAMODB_PORT: '8123' }) // 'DYNAMODB_PORT'
 */
export function connectionOrigin(
  flags: { endpoint?: string | undefined },
  env: NodeJS.ProcessEnv,
  recorded?: RecordedDynamo,
): ConnectionOrigin {
  if (flags.endpoint !== undefined) return '--endpoint';
  if (env.DYNAMODB_ENDPOINT !== undefined) return 'DYNAMODB_ENDPOINT';
  if (awsConfigured(env)) return 'AWS (configured in the environment)';
  if (env.DYNAMODB_PORT !== undefined) return 'DYNAMODB_PORT';
  return recorded ? 'recorded by npm start' : 'the default port (npm start recorded none)';
}

const awsConfigured = (env: NodeJS.ProcessEnv) =>
  Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_REGION);

/** The local DynamoDB to use when no endpoint is named and AWS is not configured. */
function localDynamoOf(
  flags: { endpoint?: string | undefined },
  env: NodeJS.ProcessEnv,
  recorded: RecordedDynamo | undefined,
): { endpoint: string; table?: string } | undefined {
  if (flags.endpoint !== undefined || env.DYNAMODB_ENDPOINT !== undefined) return undefined;
  if (awsConfigured(env)) return undefined;
  // An explicit port wins over the record, as it always did.
  if (env.DYNAMODB_PORT !== undefined || !recorded) {
    return { endpoint: localDynamoEndpoint(localDynamoPort(env)) };
  }
  return { endpoint: recorded.endpoint, table: recorded.table };
}

/** The host of YDB's Document API endpoints (serverless databases). */
export const YDB_DOCAPI_HOST = 'docapi.serverless.yandexcloud.net';

/** An endpoint's host, or undefined (none, or not a URL). */
function hostOf(endpoint: string | undefined): string | undefined {
  try {
    return endpoint === undefined ? undefined : new URL(endpoint).host;
  } catch {
    return undefined;
  }
}

/**
 * Which table definition an endpoint takes: `--target` if given, else `ydb` for a YDB Document
 * API endpoint, else `dynamodb`.
 *
 * @example tableTarget(undefined, 'https://docapi.serverless.yandexcloud.net/ru-central1/b1g/etn') // 'ydb'
 * @example tableTarget(undefined, 'http://127.0.0.1:8000') // 'dynamodb'
 */
export function tableTarget(flag: string | undefined, endpoint: string | undefined): TableTarget {
  if (flag !== undefined) {
    if (!(TABLE_TARGETS as readonly string[]).includes(flag)) {
      throw new Error(`--target must be one of ${TABLE_TARGETS.join(', ')}, got "${flag}"`);
    }
    return flag as TableTarget;
  }
  return hostOf(endpoint) === YDB_DOCAPI_HOST ? 'ydb' : 'dynamodb';
}

/**
 * A client for `connection`: dummy credentials for a local endpoint; for YDB, the static key
 * in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (an endpoint alone would sign with the dummy).
 */
export function clientFor(
  connection: Connection,
  env: NodeJS.ProcessEnv = process.env,
): DynamoDBClient {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  const ydb = tableTarget(undefined, connection.endpoint) === 'ydb';
  return createDynamoClient({
    region: connection.region,
    ...(connection.endpoint ? { endpoint: connection.endpoint } : {}),
    ...(ydb && accessKeyId && secretAccessKey
      ? { credentials: { accessKeyId, secretAccessKey } }
      : {}),
  });
}

/**
 * Creates the table unless it exists, waits until ACTIVE, enables TTL on `expiresAt`. On YDB
 * (`target: 'ydb'`) the indexes project ALL; an existing table is left as it is.
 *
 * @example
 * await ensureTable(client, 'parcel-claims'); // 'created' | 'exists'
 * await ensureTable(ydbClient, 'parcel-claims', { target: 'ydb' });
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: { target?: TableTarget } = {},
): Promise<'created' | 'exists'> {
  let outcome: 'created' | 'exists' = 'exists';
  let table = await describe(client, tableName);
  if (table === undefined) {
    try {
      await client.send(new CreateTableCommand(tableDefinition(tableName, options)));
      outcome = 'created';
    } catch (error) {
      if (errorName(error) !== 'ResourceInUseException') throw error; // created meanwhile
    }
  }
  for (let waited = 0; table?.TableStatus !== 'ACTIVE'; waited++) {
    if (waited > 300) throw new Error(`Table ${tableName} did not become ACTIVE`);
    if (waited > 0) await new Promise((done) => setTimeout(done, 1000));
    table = await describe(client, tableName);
  }
  const present = new Set(table.GlobalSecondaryIndexes?.map((gsi) => gsi.IndexName));
  const missing = Object.keys(INDEXES).filter((name) => !present.has(name));
  if (missing.length > 0) {
    console.warn(
      `Table ${tableName} lacks indexes: ${missing.join(', ')}; a table of the old layout is copied into a new one with \`npm run migrate -- --from ${tableName} --to <new table>\``,
    );
  }
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      }),
    );
  }
  return outcome;
}

async function describe(
  client: DynamoDBClient,
  tableName: string,
): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** One line for an unreachable database or a missing table, instead of an SDK stack trace. */
export function explainConnectionError(error: unknown, connection: Connection): string {
  const where = connection.endpoint ?? `AWS (${connection.region})`;
  const mapped = toStorageError(error);
  if (!(mapped instanceof StorageUnavailableError)) return String(error);
  return mapped.reason === 'missing-table'
    ? `Table '${connection.tableName}' not found at ${where}: run \`tsx scripts/create-table.ts\` or \`npm start\``
    : `Cannot reach DynamoDB at ${where} (${mapped.reason}): is \`npm start\` running? Else set DYNAMODB_ENDPOINT or AWS_REGION.`;
}

/** The flags every table script takes: --endpoint, --table, --region. */
export const CONNECTION_FLAGS = {
  endpoint: { type: 'string' },
  table: { type: 'string' },
  region: { type: 'string' },
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...CONNECTION_FLAGS,
      target: { type: 'string' },
      'write-cloudformation': { type: 'boolean' },
    },
  });
  if (values['write-cloudformation']) {
    writeFileSync(CLOUDFORMATION_PATH, `${JSON.stringify(cloudFormationTemplate(), null, 2)}\n`);
    console.log(`Wrote ${CLOUDFORMATION_PATH.pathname}`);
    return;
  }
  await runOnTable(values, async (client, connection) => {
    const target = tableTarget(values.target, connection.endpoint);
    const outcome = await ensureTable(client, connection.tableName, { target });
    return `Table ${connection.tableName} ${outcome === 'created' ? 'created' : 'already exists'} at ${connection.endpoint ?? 'AWS'} (${target}); TTL on ${TTL_ATTRIBUTE}`;
  });
}

/**
 * The database a command works on, printed before anything else: which endpoint and table it
 * reads or writes, and why those.
 *
 * @example databaseLine({ endpoint: 'http://127.0.0.1:8011', tableName: 'parcel-claims', region: 'eu-central-1' }, 'recorded by npm start', '.data/dynamodb-local.json')
 * // 'Database: http://127.0.0.1:8011, table parcel-claims (recorded by npm start in .data/dynamodb-local.json)'
 */
export function databaseLine(connection: Connection, origin: string, recordPath: string): string {
  const where = connection.endpoint ?? `AWS DynamoDB in ${connection.region}`;
  const why = origin === 'recorded by npm start' ? `${origin} in ${recordPath}` : origin;
  return `Database: ${where}, table ${connection.tableName} (${why})`;
}

/**
 * The connection a script uses, as resolveConnection gives it with the DynamoDB Local that
 * `npm start` recorded (so every script finds it, whatever port it was given), after
 * printing which database that is; undefined (said on stderr, exit code 2) when the flags or
 * the environment name none that can be used.
 *
 * @example const connection = locateTable(values); // prints 'Database: http://127.0.0.1:8011, table parcel-claims (…)'
 */
export function locateTable(
  flags: Parameters<typeof resolveConnection>[0],
): Connection | undefined {
  // The SDK warns on Node 20 at every client; the version is pinned for it (STACK-NOTES).
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = dataDirectory();
  const recorded = readRecordedDynamo(dataDir);
  try {
    const connection = resolveConnection(flags, process.env, recorded);
    const origin = connectionOrigin(flags, process.env, recorded);
    console.log(databaseLine(connection, origin, relative(process.cwd(), recordFile(dataDir))));
    return connection;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return undefined;
  }
}

/**
 * A script's body on the table the flags (or env) name: prints what it returns, or one
 * line explaining an unreachable database (exit code 1).
 *
 * @example await runOnTable(values, async (client, { tableName }) => `Table ${tableName} ok`);
 */
export async function runOnTable(
  flags: Parameters<typeof resolveConnection>[0],
  run: (client: DynamoDBClient, connection: Connection) => Promise<string>,
): Promise<void> {
  const connection = locateTable(flags);
  if (connection === undefined) return;
  const client = clientFor(connection);
  try {
    console.log(await run(client, connection));
  } catch (error) {
    console.error(explainConnectionError(error, connection));
    process.exitCode = 1;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main();
