/**
 * What `npm start` records of the DynamoDB Local it runs (.data/dynamodb-local.json), so the
 * other scripts find it on whatever port it was given: `npm run keys` reads it when no
 * endpoint or port is named (an explicit DYNAMODB_ENDPOINT, --endpoint or DYNAMODB_PORT wins).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePrivateFile } from './private-files';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The DynamoDB Local `npm start` runs: where it answers and the table it created there. */
export interface RecordedDynamo {
  endpoint: string;
  table: string;
  /** ISO instant `npm start` started it. */
  startedAt: string;
}

/** `npm start`'s data folder: DATA_DIR (default .data), from the project root. @example dataDirectory({}) // '/…/.data' */
export const dataDirectory = (env: NodeJS.ProcessEnv = process.env, root = ROOT) =>
  resolve(root, env.DATA_DIR ?? '.data');

/** The file the record is kept in. @example recordFile('/p/.data') // '/p/.data/dynamodb-local.json' */
export const recordFile = (dataDir: string) => join(dataDir, 'dynamodb-local.json');

/** Records the DynamoDB Local `npm start` runs (a private file, like all of .data/). */
export function recordDynamo(dataDir: string, recorded: RecordedDynamo): void {
  writePrivateFile(recordFile(dataDir), `${JSON.stringify(recorded, null, 2)}\n`);
}

/**
 * The DynamoDB Local `npm start` recorded in `dataDir`, or undefined: none recorded, or a
 * file that is not such a record (then it is ignored, never half-read).
 *
 * @example readRecordedDynamo('.data')?.endpoint // 'http://127.0.0.1:8011'
 */
export function readRecordedDynamo(dataDir: string): RecordedDynamo | undefined {
  const file = recordFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<RecordedDynamo>;
    const { endpoint, table, startedAt } = parsed;
    if (typeof endpoint !== 'string' || !/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint))
      return undefined;
    if (typeof table !== 'string' || table === '' || typeof startedAt !== 'string')
      return undefined;
    return { endpoint, table, startedAt };
  } catch {
    return undefined;
  }
}
