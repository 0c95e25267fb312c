/**
 * API keys admin, against the local DynamoDB of `npm start` or, configured, AWS:
 *   npm run keys -- create --shop <id> [--role shop]    (prints the key once, alone on the last line)
 *   npm run keys -- create --test --shop <id>           (a test key, pct_test_…: the shop's sandbox, <id>~test)
 *   npm run keys -- create --role clerk [--name "Anna Petrova"]   (the clerk's name the desk shows)
 *   npm run keys -- name <key-id> "Anna Petrova"                  (names or renames a clerk key)
 *   npm run keys -- revoke <key-id>
 *   npm run keys -- list
 * Options: --endpoint, --table, --region (env DYNAMODB_ENDPOINT, DYNAMODB_TABLE, DYNAMODB_REGION).
 * Without an endpoint: the local DynamoDB of `npm start`, on DYNAMODB_PORT if set, else where
 * `npm start` recorded it (.data/dynamodb-local.json, with its table), else on port 8000.
 * Every command first prints the database it works on (endpoint, table, and why that one).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ActorRole } from '../src/domain/claim';
import {
  generateApiKey,
  hashApiKey,
  isSandboxShopId,
  SANDBOX_SUFFIX,
  sandboxShopId,
} from '../src/storage/api-keys';
import { DynamoApiKeyRepository } from '../src/storage/dynamodb';
import { NotFoundError, type ApiKeyRecord, type ApiKeyRepository } from '../src/storage/repository';
import { clientFor, explainConnectionError, locateTable } from './create-table';

export { databaseLine } from './create-table';

/**
 * Generates, stores (hashed) and returns a new key; the plaintext exists only in the result.
 *
 * @example
 * const { key } = await issueKey(apiKeys, { role: 'shop', shopId: 'demo-shop' });
 */
export async function issueKey(
  apiKeys: ApiKeyRepository,
  options: {
    role: ActorRole;
    shopId?: string | undefined;
    /** A clerk's display name (1–80 characters). */
    displayName?: string | undefined;
    /** A shop's test key (`pct_test_…`): it works in the shop's sandbox, `<shopId>~test`. */
    test?: boolean | undefined;
    at?: string;
    generated?: { keyId: string; key: string };
  },
): Promise<{ record: ApiKeyRecord; key: string }> {
  const test = options.test === true;
  const { keyId, key } = options.generated ?? generateApiKey({ test });
  const record = await apiKeys.create({
    keyId,
    secretHash: await hashApiKey(key),
    role: options.role,
    ...(options.role === 'shop' ? { shopId: options.shopId } : {}),
    ...(test ? { test: true as const } : {}),
    ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
    createdAt: options.at ?? new Date().toISOString(),
  });
  return { record, key };
}

function describeKey(record: ApiKeyRecord): string {
  const owner =
    record.role === 'shop'
      ? `shop ${record.shopId}${record.test ? ` (test: ${sandboxShopId(record.shopId ?? '')})` : ''}`
      : (record.displayName ?? 'claims desk');
  const state = record.revokedAt === undefined ? 'active' : `revoked ${record.revokedAt}`;
  return `${record.keyId}  ${record.role.padEnd(5)}  ${owner.padEnd(24)}  created ${record.createdAt}  ${state}`;
}

/**
 * One command of the CLI against `apiKeys`, printing as the CLI does.
 * @example await runKeysCommand('create', [], { shop: 'acme', test: true }, apiKeys)
 */
export async function runKeysCommand(
  command: string | undefined,
  args: string[],
  values: Record<string, string | boolean | undefined>,
  apiKeys: NamingApiKeys,
) {
  if (command === 'create') {
    const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
    const shop = text('shop');
    const test = values.test === true;
    const role = text('role') ?? (shop === undefined && !test ? undefined : 'shop');
    if (role !== 'shop' && role !== 'clerk') throw new UsageError('create needs --role shop|clerk');
    if (role === 'shop' && !shop) throw new UsageError('a shop key needs --shop <id>');
    if (shop !== undefined && isSandboxShopId(shop))
      throw new UsageError(
        `--shop ${shop}: ids ending in ${SANDBOX_SUFFIX} are test keys' sandboxes; use --test --shop ${shop.slice(0, -SANDBOX_SUFFIX.length)}`,
      );
    if (role === 'clerk' && test) throw new UsageError('--test is for shop keys (a shop sandbox)');
    if (role === 'clerk' && shop)
      console.warn('Note: clerk keys serve the claims desk; --shop ignored.');
    if (role === 'shop' && values.name !== undefined)
      throw new UsageError('--name is for clerk keys (the name the desk shows)');
    const { record, key } = await issueKey(apiKeys, {
      role,
      shopId: shop,
      displayName: text('name'),
      test,
    });
    console.log(`Created ${describeKey(record)}`);
    console.log('The key is shown once; store it now:');
    console.log(key);
  } else if (command === 'revoke' && args.length === 1) {
    const record = await apiKeys.revoke(args[0]!, new Date().toISOString());
    console.log(`Revoked ${describeKey(record)}`);
  } else if (command === 'name' && args.length === 2) {
    const record = await apiKeys.setDisplayName(args[0]!, args[1]!);
    console.log(`Named ${describeKey(record)}`);
  } else if (command === 'list') {
    const keys = await apiKeys.list();
    console.log(keys.length === 0 ? 'No keys.' : keys.map(describeKey).join('\n'));
  } else {
    throw new UsageError(
      'usage: keys create --shop <id> --role shop|clerk [--test] [--name <clerk name>] | keys name <key-id> <name> | keys revoke <key-id> | keys list',
    );
  }
}

/** A command the CLI does not take as given (exit code 2). */
export class UsageError extends Error {}

/** The key store plus naming, which only the DynamoDB repository offers. */
export type NamingApiKeys = ApiKeyRepository & Pick<DynamoApiKeyRepository, 'setDisplayName'>;

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      shop: { type: 'string' },
      test: { type: 'boolean' },
      role: { type: 'string' },
      name: { type: 'string' },
      endpoint: { type: 'string' },
      table: { type: 'string' },
      region: { type: 'string' },
    },
  });
  const connection = locateTable(values);
  if (connection === undefined) return;
  const client = clientFor(connection);
  try {
    const apiKeys = new DynamoApiKeyRepository({ client, tableName: connection.tableName });
    await runKeysCommand(positionals[0], positionals.slice(1), values, apiKeys);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof NotFoundError ||
      error instanceof RangeError
    )
      console.error(error.message);
    else console.error(explainConnectionError(error, connection));
    process.exitCode = error instanceof UsageError || error instanceof RangeError ? 2 : 1;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href)
  void main();
