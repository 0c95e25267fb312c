/**
 * Storage failures on demand: a client middleware that makes chosen commands fail with the
 * errors DynamoDB sends (a transaction cancelled by a conflict or by throttling, an item over
 * 400 KB, a throttled read), worded as DynamoDB words them, so the tests can show what the API
 * answers to each. Nothing is sent for a command it fails.
 */
import {
  DynamoDBServiceException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

/** Builds the error for one command, from its input. */
export type FaultOf = (input: Record<string, unknown>) => Error;

const metadata = { httpStatusCode: 400, requestId: 'FAKE' };

/** A cancelled TransactWriteItems whose first item has `code`, the others `None`. */
const cancelled =
  (code: string, message?: string): FaultOf =>
  (input) => {
    const count = Array.isArray(input.TransactItems) ? input.TransactItems.length : 1;
    const codes = Array.from({ length: count }, (_, i) => (i === 0 ? code : 'None'));
    return new TransactionCanceledException({
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
      $metadata: metadata,
      CancellationReasons: codes.map((Code, i) =>
        i === 0 && message ? { Code, Message: message } : { Code },
      ),
    });
  };

/** Another transaction held one of the items at the same moment (DynamoDB cancels both). */
export const transactionConflict: FaultOf = cancelled(
  'TransactionConflict',
  'Transaction is ongoing for the item',
);
/** The transaction was throttled. */
export const transactionThrottled: FaultOf = cancelled(
  'ThrottlingError',
  'Throughput exceeds the current capacity of your table or index',
);
/** An Update in a transaction would grow an item past 400 KB (DynamoDB Local's words). */
export const itemTooLargeInTransaction: FaultOf = cancelled(
  'ValidationError',
  'Item size to update has exceeded the maximum allowed size',
);
/** A Put of an item over 400 KB, alone or in a transaction (DynamoDB Local's words). */
export const itemTooLarge: FaultOf = () =>
  new DynamoDBServiceException({
    name: 'ValidationException',
    $fault: 'client',
    $metadata: metadata,
    message: 'Item size has exceeded the maximum allowed size',
  });
/** A throttled request. */
export const throttled: FaultOf = () =>
  new ProvisionedThroughputExceededException({
    $metadata: metadata,
    message: 'The level of configured provisioned throughput for the table was exceeded.',
  });

/**
 * Makes `client` fail the commands it is told to, `times` times each (then they go through
 * again). With `answer`, every other command is answered by it and nothing is sent at all.
 *
 * @example
 * const faults = withFaults(client);
 * faults.fail('TransactWriteItemsCommand', 3, transactionConflict);
 */
export function withFaults(client: DynamoDBClient, options: { answer?: () => object } = {}) {
  const plans: { command: string; left: number; fault: FaultOf }[] = [];
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? '';
      sent.push(command);
      const plan = plans.find((p) => p.command === command && p.left > 0);
      if (plan !== undefined) {
        plan.left--;
        throw plan.fault(args.input as Record<string, unknown>);
      }
      if (options.answer === undefined) return next(args);
      return { output: { $metadata: {}, ...options.answer() }, response: {} } as Awaited<
        ReturnType<typeof next>
      >;
    },
    { step: 'initialize', name: 'testStorageFaults' },
  );
  return {
    /** Fails the next `times` sends of `command` (e.g. 'TransactWriteItemsCommand'). */
    fail(command: string, times: number, fault: FaultOf): void {
      plans.push({ command, left: times, fault });
    },
    /** Every command sent since the last call (failed ones included), and forgets them. */
    sent(): string[] {
      return sent.splice(0);
    },
    /** No more failures. */
    clear(): void {
      plans.splice(0);
    },
  };
}
