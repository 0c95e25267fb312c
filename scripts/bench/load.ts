/**
 * A small HTTP load generator for the workerd bench: `connections` keep-alive
 * connections to 127.0.0.1, each sending the same POST again as soon as its
 * previous answer is read, until `durationMs` has passed or `maxRequests`
 * have been sent. Every answer must be a 200.
 */
import { Agent, request } from 'node:http';

export interface LoadOptions {
  connections: number;
  durationMs: number;
  maxRequests: number;
}

export interface LoadResult {
  requests: number;
  ms: number;
  opsPerSec: number;
}

/** One POST on a kept-alive connection; resolves with its status once the answer is read. */
function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Runs the load against `url` and returns how many answers came back per second. */
export async function load(url: URL, body: string, options: LoadOptions): Promise<LoadResult> {
  if (url.hostname !== '127.0.0.1') throw new Error(`load goes to 127.0.0.1 only, not ${url}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  let sent = 0;
  const started = performance.now();
  const end = started + options.durationMs;
  const connection = async () => {
    while (sent < options.maxRequests && performance.now() < end) {
      sent++;
      const status = await post(agent, url, body);
      if (status !== 200) throw new Error(`${url.pathname} answered ${status}`);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, connection));
  } finally {
    agent.destroy();
  }
  const ms = performance.now() - started;
  return { requests: sent, ms, opsPerSec: (sent / ms) * 1000 };
}
