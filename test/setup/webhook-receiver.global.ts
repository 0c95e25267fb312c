/**
 * Vitest globalSetup of the workers suite: a webhook receiver on 127.0.0.1 that the Worker
 * under test (workerd) sends to. `POST /hooks/<label>/<status>` keeps the message (its
 * headers and body) under `<label>` and answers `<status>`; `GET /received/<label>` lists
 * what arrived there. The tests verify the signatures themselves, with the same package.
 * The URL reaches the tests as the binding WEBHOOK_TEST_RECEIVER (vitest.config.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  interface ProvidedContext {
    webhookReceiver: string;
  }
}

export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const received = new Map<string, { headers: Record<string, string>; body: string }[]>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const [, kind, label = '', status = '200'] = (req.url ?? '').split('/');
      if (req.method === 'GET' && kind === 'received') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(received.get(label) ?? []));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) headers[name] = String(value);
      const list = received.get(label) ?? [];
      list.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
      received.set(label, list);
      res.writeHead(Number(status) || 200, { 'content-type': 'text/plain' });
      res.end(`answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  provide('webhookReceiver', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
