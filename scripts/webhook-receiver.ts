/**
 * A webhook receiver on 127.0.0.1, as a shop's backend would run one, for the end-to-end tests
 * (test/e2e) and `npm run bench -- webhooks`. Each endpoint posts to its own path
 * (`/<label>`); every message is verified with the `standardwebhooks` package and the secret
 * the endpoint was given, and kept with the instant it arrived. Each label answers the
 * statuses it was told, in order, then 200.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One message as it arrived. */
export interface ReceivedWebhook {
  label: string;
  /** `webhook-id`: stable across retries. */
  id: string;
  /** The payload's `type`, `timestamp` and `sequence`, and the whole body. */
  type: string;
  timestamp: string;
  sequence?: number;
  body: string;
  /** Epoch ms it arrived (the receiver's clock: the Worker's, on one machine). */
  arrivedAt: number;
  /** The signature checked out against the label's secret. */
  verified: boolean;
  /** What the receiver answered. */
  status: number;
}

export interface WebhookReceiver {
  /** Where a label's endpoint posts: `http://127.0.0.1:<port>/<label>`. */
  urlOf(label: string): string;
  /** The secret (`whsec_…`, from the endpoint's creation) the label's messages are signed with. */
  trust(label: string, secret: string): void;
  /** The label's next answers, in order (then 200). */
  answer(label: string, ...statuses: number[]): void;
  /** What arrived, all or one label's, in order. */
  received(label?: string): ReceivedWebhook[];
  /** Resolves once `count` messages arrived at the label (rejects after `ms`). */
  waitFor(label: string, count: number, ms?: number): Promise<ReceivedWebhook[]>;
  port: number;
  close(): Promise<void>;
}

const header = (headers: IncomingHttpHeaders, name: string) => String(headers[name] ?? '');

function parsePayload(body: string): { type: string; timestamp: string; sequence?: number } {
  try {
    const json = JSON.parse(body) as { type?: unknown; timestamp?: unknown; sequence?: unknown };
    return {
      type: String(json.type),
      timestamp: String(json.timestamp),
      ...(typeof json.sequence === 'number' ? { sequence: json.sequence } : {}),
    };
  } catch {
    return { type: '', timestamp: '' };
  }
}

/**
 * Starts a receiver on 127.0.0.1 (`port` 0: one the OS picks; a port given again after a
 * close stands for a receiver coming back up).
 *
 * @example
 * const receiver = await startReceiver();
 * receiver.answer('flaky', 500); // then 200
 */
export async function startReceiver(port = 0): Promise<WebhookReceiver> {
  const secrets = new Map<string, Webhook>();
  const answers = new Map<string, number[]>();
  const arrived: ReceivedWebhook[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const arrivedAt = Date.now();
      const label = (req.url ?? '/').slice(1);
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      try {
        const headers = {
          'webhook-id': header(req.headers, 'webhook-id'),
          'webhook-timestamp': header(req.headers, 'webhook-timestamp'),
          'webhook-signature': header(req.headers, 'webhook-signature'),
        };
        secrets.get(label)?.verify(body, headers);
        verified = secrets.has(label);
      } catch {
        verified = false;
      }
      // An unverified message is refused, as a shop's backend would: it must never count.
      const status = verified ? (answers.get(label)?.shift() ?? 200) : 401;
      const id = header(req.headers, 'webhook-id');
      arrived.push({ label, id, ...parsePayload(body), body, arrivedAt, verified, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  const received = (label?: string) =>
    arrived.filter((r) => label === undefined || r.label === label);
  return {
    port: bound,
    urlOf: (label) => `http://127.0.0.1:${bound}/${label}`,
    trust: (label, secret) => void secrets.set(label, new Webhook(secret)),
    answer: (label, ...statuses) => void answers.set(label, statuses),
    received,
    waitFor: (label, count, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (received(label).length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(received(label));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const got = received(label).length;
          reject(new Error(`${got} of ${count} messages arrived at /${label} within ${ms} ms`));
        }, ms);
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
