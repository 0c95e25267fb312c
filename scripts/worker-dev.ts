/**
 * `npm start`'s Worker: what `wrangler dev` runs (wrangler.toml, local bindings, queues, R2 in
 * `--persist-to`), started through wrangler's own API with **no inspector**. The `wrangler dev`
 * command always opens one (its `--inspector-port` only moves it), and wrangler 4.86's inspector
 * proxy turns on the runtime's network events and keeps every debugger message until a DevTools
 * window attaches: with each DynamoDB request a subrequest, an audit of a large carrier report
 * grew the process by megabytes per chunk (BENCHMARKS.md, audits). A debugger is
 * `npm run dev`'s job (plain `wrangler dev`).
 *
 * Run by scripts/start.ts as a process of its own (`node --import tsx scripts/worker-dev.ts`),
 * its options (WorkerDevOptions, JSON) in the environment's WORKER_DEV_OPTIONS rather than the
 * command line, where any process could read the secrets. Ctrl-C (SIGINT) or SIGTERM stops the
 * Worker and workerd.
 */
import { unstable_startWorker } from 'wrangler';
import { workerDevInput, type WorkerDevOptions } from './wrangler-dev';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.WORKER_DEV_OPTIONS ?? '{}') as WorkerDevOptions;
  const worker = await unstable_startWorker(workerDevInput(options));
  await worker.ready;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await worker.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
