/**
 * Webhook test kit: a real receiver on 127.0.0.1 that verifies each message with the
 * `standardwebhooks` package and answers as told, a queue that keeps what it is sent, and
 * the engine's deps on a fresh table with a clock the test moves.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { DeliveryMessage, DeliveryQueue, WebhookDeps } from '../../src/services/webhook-deps';
import type { DeliveryQueueMessage } from '../../src/services/webhook-delivery';
import type { WebhookRepository } from '../../src/storage/webhook-repository';

/** One message the receiver got. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  /**
   * Which of the receiver's secrets signed it (the package's own signature of id.timestamp.body
   * found among those sent: the test's clock may be days from the receiver's).
   */
  verifiedBy: string[];
  /** Whether `Webhook#verify` accepted it as is (signature and a timestamp within 5 minutes). */
  verified: boolean;
}

/** A receiver on 127.0.0.1: `answers` (status codes) in turn, then `fallback`. */
export async function startReceiver(options: { answers?: number[]; fallback?: number } = {}) {
  const received: Received[] = [];
  const secrets: string[] = [];
  const answers = [...(options.answers ?? [])];
  const state = { fallback: options.fallback ?? 200 };
  const bodyOf = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const server = createServer((req, res) => {
    void bodyOf(req).then((body) => {
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      const sent = headers['webhook-signature'].split(' ');
      const at = new Date(Number(headers['webhook-timestamp']) * 1000);
      const verifiedBy = secrets.filter((secret) =>
        sent.includes(new Webhook(secret).sign(headers['webhook-id'], at, body)),
      );
      const verified = secrets.some((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      received.push({
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        verifiedBy,
        verified,
      });
      const status = answers.shift() ?? state.fallback;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(`answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Secrets the receiver verifies with. */
    secrets,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A queue that keeps every message; `take()` empties it. */
export function keepingQueue() {
  let sent: { body: DeliveryMessage; delaySeconds?: number }[] = [];
  const state = { failing: false };
  const queue: DeliveryQueue = {
    sendBatch(messages) {
      if (state.failing) return Promise.reject(new Error('queue unavailable'));
      sent.push(...messages);
      return Promise.resolve();
    },
  };
  return {
    queue,
    state,
    take() {
      const taken = sent;
      sent = [];
      return taken.map((m) => m.body);
    },
  };
}

/** A queue message for the consumer, recording what it was told. */
export function queueMessage(body: DeliveryMessage, attempts = 1) {
  const told: { ack: number; retry: { delaySeconds?: number }[] } = { ack: 0, retry: [] };
  const message: DeliveryQueueMessage = {
    body,
    attempts,
    ack: () => void told.ack++,
    retry: (options) => void told.retry.push(options ?? {}),
  };
  return { message, told };
}

/** A clock the test moves. */
export function movableClock(start = new Date().toISOString()) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance: (seconds: number) => void (now += seconds * 1000),
  };
}

/** The engine's deps on `webhooks`, with local URLs allowed and a short schedule. */
export function webhookDeps(
  webhooks: WebhookRepository,
  queue: DeliveryQueue,
  clock: () => Date,
  retrySchedule: number[] = [1, 2, 3],
): WebhookDeps {
  return {
    storage: { webhooks },
    clock,
    secret: 'test webhook sealing key, 32+ characters long',
    queue,
    retrySchedule,
    allowLocal: true,
    log: () => undefined,
  };
}
