/**
 * A DynamoDB client that behaves like Yandex Managed Service for YDB's DynamoDB-compatible
 * Document API where the two differ, so the storage suite can run "as if on YDB" against
 * DynamoDB Local (the `storage-ydb` vitest project). It REFUSES, before anything is sent, every
 * request parameter the Document API lacks, naming the parameter and the YDB page that says so,
 * and it STRIPS from answers what YDB does not return (an item inside a condition failure or a
 * cancellation reason) and caps Scan pages at YDB's 100 items, so code that relies on either is
 * caught here rather than in Russia. The sources, with what each says, are in
 * .notes/research-ydb-queues.md section 1.
 *
 * Test support, not production: on YDB the service itself refuses what it lacks (or worse,
 * ignores it silently), and stripping or capping answers only makes sense to imitate it. The
 * table on YDB is `tableDefinition(name, { target: 'ydb' })` (src/storage/table.ts).
 *
 * Order of middlewares: the checks run at the `initialize` step with priority `high`, so they
 * are outside every other middleware of the client, whenever it was added. A test's write-unit
 * meter (scripts/bench/capacity.ts, `initialize`, normal priority) therefore runs inside them:
 * the code under test is judged by what IT asked (TOTAL/NONE only), and the meter's own
 * `ReturnConsumedCapacity: 'INDEXES'` goes to DynamoDB Local unjudged.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The Document API reference pages (English; `/ru/docs/...` is the Russian original). */
const DOCS = 'https://yandex.cloud/en/docs/ydb/docapi/api-ref/actions';
/** The Document API's limits (both transaction kinds hold 25 actions at most). */
export const YDB_LIMITS = { transactionItems: 25, scanPage: 100 } as const;
const CAPACITY_VALUES: ReadonlySet<string> = new Set(['TOTAL', 'NONE']);
const SELECT_VALUES: ReadonlySet<string> = new Set(['ALL_ATTRIBUTES', 'COUNT']);

/**
 * A request the Document API would not take: a bug in the code that sent it. Its message names
 * no transport words, so the storage layer never mistakes it for an outage: it surfaces as it is.
 */
export class DocumentApiRefusal extends Error {
  override readonly name = 'DocumentApiRefusal';
  constructor(
    readonly command: string,
    readonly parameter: string,
    why: string,
    readonly source: string,
  ) {
    super(`${command}: ${parameter} ${why} on YDB's Document API (${source})`);
  }
}

/** What the wrapper does besides refusing. */
export interface DocumentApiOptions {
  /**
   * Also drop `CancellationReasons` from a cancelled transaction, leaving only its message
   * (`... [None, ConditionalCheckFailed]`): the one form YDB's docs show (ru uniqueConstraint.md).
   * Off by default: whether YDB sends the structured list is undocumented either way.
   */
  reasonsInMessageOnly?: boolean;
}

type Input = Record<string, unknown>;

const asInput = (value: unknown): Input =>
  typeof value === 'object' && value !== null ? (value as Input) : {};
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Wraps `client` (in place, and returns it): every later `send` is checked as YDB's Document
 * API would take it.
 *
 * @example
 * const client = documentApiClient(clientFor(connection));
 * await client.send(new TransactWriteItemsCommand({ TransactItems: items26 })); // throws DocumentApiRefusal
 */
export function documentApiClient<C extends DynamoDBClient>(
  client: C,
  options: DocumentApiOptions = {},
): C {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown command';
      const input = asInput(args.input);
      refuseUnsupported(command, input);
      const sent = command === 'ScanCommand' ? { ...args, input: cappedScan(input) } : args;
      try {
        return await next(sent);
      } catch (error) {
        throw stripped(error, options);
      }
    },
    { step: 'initialize', priority: 'high', name: 'ydbDocumentApi' },
  );
  return client;
}

/** Throws `DocumentApiRefusal` for the first parameter of `input` the Document API lacks. */
export function refuseUnsupported(command: string, input: Input): void {
  const refuse = (parameter: string, why: string, page: string): never => {
    throw new DocumentApiRefusal(command, parameter, why, `${DOCS}/${page}`);
  };
  const page = command.replace(/Command$/, '').replace(/^./, (c) => c.toLowerCase());
  const capacity = input.ReturnConsumedCapacity;
  if (typeof capacity === 'string' && !CAPACITY_VALUES.has(capacity)) {
    refuse(`ReturnConsumedCapacity=${capacity}`, 'is not accepted (only TOTAL or NONE)', page);
  }
  if (input.ReturnItemCollectionMetrics !== undefined) {
    refuse('ReturnItemCollectionMetrics', 'is not in any request schema', page);
  }
  if (input.ReturnValuesOnConditionCheckFailure !== undefined) {
    // Not in PutItem/UpdateItem/DeleteItem; whether an item comes back is undocumented.
    refuse(
      'ReturnValuesOnConditionCheckFailure',
      'is not a parameter (read the item again instead)',
      page,
    );
  }
  switch (command) {
    case 'TransactWriteItemsCommand':
      return refuseTransactWrite(input, refuse);
    case 'TransactGetItemsCommand':
      return refuseTooManyActions(input, refuse, 'transactGetItems');
    case 'QueryCommand':
    case 'ScanCommand':
      return refuseRead(command, input, refuse, page);
    case 'CreateTableCommand':
      return refuseTableIndexes(input, refuse);
    case 'UpdateTableCommand':
      return refuseTableUpdate(input, refuse);
  }
}

type Refuse = (parameter: string, why: string, page: string) => never;

function refuseTooManyActions(input: Input, refuse: Refuse, page: string): void {
  const count = listOf(input.TransactItems).length;
  if (count > YDB_LIMITS.transactionItems) {
    refuse(
      `TransactItems (${count})`,
      `holds more than ${YDB_LIMITS.transactionItems} actions`,
      page,
    );
  }
}

function refuseTransactWrite(input: Input, refuse: Refuse): void {
  const page = 'transactWriteItems';
  refuseTooManyActions(input, refuse, page);
  if (input.ClientRequestToken !== undefined) {
    refuse('ClientRequestToken', 'is "Not supported"', page);
  }
  for (const [i, action] of listOf(input.TransactItems).entries()) {
    for (const [kind, body] of Object.entries(asInput(action))) {
      if (asInput(body).ReturnValuesOnConditionCheckFailure !== undefined) {
        refuse(
          `TransactItems[${i}].${kind}.ReturnValuesOnConditionCheckFailure`,
          'is undocumented and no item comes back in a cancellation reason',
          page,
        );
      }
    }
  }
}

function refuseRead(command: string, input: Input, refuse: Refuse, page: string): void {
  const select = input.Select;
  if (typeof select === 'string' && !SELECT_VALUES.has(select)) {
    refuse(`Select=${select}`, 'is not accepted (only ALL_ATTRIBUTES or COUNT)', page);
  }
  if (input.IndexName !== undefined && input.ConsistentRead === true) {
    refuse('ConsistentRead on an IndexName', 'is a ValidationException', page);
  }
  if (
    command === 'ScanCommand' &&
    (input.Segment !== undefined || input.TotalSegments !== undefined)
  ) {
    refuse('Segment/TotalSegments', 'do not exist (no parallel scan)', page);
  }
}

function refuseProjection(index: unknown, where: string, refuse: Refuse, page: string): void {
  const projection = asInput(asInput(index).Projection).ProjectionType;
  if (projection !== 'ALL') {
    refuse(
      `${where}.Projection.ProjectionType=${String(projection)}`,
      'is not accepted ("only the ProjectionType of ALL is supported"; use tableDefinition(name, { target: "ydb" }))',
      page,
    );
  }
}

function refuseTableIndexes(input: Input, refuse: Refuse): void {
  const page = 'createTable';
  if (input.LocalSecondaryIndexes !== undefined) {
    refuse('LocalSecondaryIndexes', 'are not in the CreateTable schema', page);
  }
  for (const [i, index] of listOf(input.GlobalSecondaryIndexes).entries()) {
    refuseProjection(index, `GlobalSecondaryIndexes[${i}]`, refuse, page);
  }
}

function refuseTableUpdate(input: Input, refuse: Refuse): void {
  const page = 'updateTable';
  const updates = listOf(input.GlobalSecondaryIndexUpdates);
  if (updates.length > 1) {
    refuse(
      `GlobalSecondaryIndexUpdates (${updates.length})`,
      'adds or deletes more than one index ("only one index per query")',
      page,
    );
  }
  if (updates.length > 0 && input.StreamSpecification !== undefined) {
    refuse(
      'GlobalSecondaryIndexUpdates with StreamSpecification',
      'is two operations in one call',
      page,
    );
  }
  for (const [i, update] of updates.entries()) {
    const create = asInput(update).Create;
    if (create !== undefined) {
      refuseProjection(create, `GlobalSecondaryIndexUpdates[${i}].Create`, refuse, page);
    }
  }
}

/** A Scan page as YDB answers it: "up to 100 entries" however large `Limit` is. */
function cappedScan(input: Input): Input {
  const limit = typeof input.Limit === 'number' ? input.Limit : YDB_LIMITS.scanPage;
  return { ...input, Limit: Math.min(limit, YDB_LIMITS.scanPage) };
}

/** The error as YDB would send it: no `Item` in a condition failure or a cancellation reason. */
function stripped(error: unknown, options: DocumentApiOptions): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as { name?: unknown; Item?: unknown; CancellationReasons?: unknown };
  if (e.name === 'ConditionalCheckFailedException') delete e.Item;
  if (e.name === 'TransactionCanceledException') {
    if (options.reasonsInMessageOnly) delete e.CancellationReasons;
    for (const reason of listOf(e.CancellationReasons)) delete asInput(reason).Item;
  }
  return error;
}

declare module 'vitest' {
  interface ProvidedContext {
    /** True in the `storage-ydb` project: tables as YDB takes them, clients wrapped as above. */
    documentApi?: boolean;
  }
}
