/**
 * Webhook endpoints and deliveries through the Worker (workerd), delivered inline to the
 * suite's receiver on 127.0.0.1 (test/setup/webhook-receiver.global.ts), each message's
 * signature checked with the `standardwebhooks` package.
 */
import { env } from 'cloudflare:test';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedKey, seedShop } from './claims-helpers';
import { call, fieldErrorsOf } from './helpers';

const receiver = (env as { WEBHOOK_TEST_RECEIVER: string }).WEBHOOK_TEST_RECEIVER;

let shop: Awaited<ReturnType<typeof seedShop>>;
let other: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  other = await seedShop();
  clerk = await seedKey('clerk');
});

/** A receiver URL answering `status`, under a label of its own. */
const hook = (status: number) => {
  const label = crypto.randomUUID().slice(0, 8);
  return { label, url: `${receiver}/hooks/${label}/${status}` };
};

interface Arrived {
  headers: Record<string, string>;
  body: string;
}
const arrived = async (label: string) =>
  (await (await fetch(`${receiver}/received/${label}`)).json()) as Arrived[];

/** Whether `secret` made one of the message's signatures (the package's own signing). */
const signedWith = (secret: string, m: Arrived) => {
  const at = new Date(Number(m.headers['webhook-timestamp']) * 1000);
  const mine = new Webhook(secret).sign(m.headers['webhook-id'] ?? '', at, m.body);
  return (m.headers['webhook-signature'] ?? '').split(' ').includes(mine);
};

async function create(auth: Record<string, string>, url: string, events = ['*']) {
  const made = await call('POST', '/v1/webhook-endpoints', { url, events }, auth);
  expect(made.status, made.text).toBe(201);
  return made.body as { id: string; secret: string; version: number };
}

describe('webhook endpoints', () => {
  it('are created with a secret shown once, listed, read, changed with If-Match and deleted', async () => {
    const { url } = hook(200);
    const made = await call(
      'POST',
      '/v1/webhook-endpoints',
      { url, events: ['claim.paid'], description: 'Orders' },
      shop.auth,
    );
    expect(made.status, made.text).toBe(201);
    const id = made.body.id as string;
    expect(id).toMatch(/^we_[0-9a-f]{32}$/);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(made.headers.get('location')).toBe(`/v1/webhook-endpoints/${id}`);

    const read = await call('GET', `/v1/webhook-endpoints/${id}`, undefined, shop.auth);
    expect(read.status, read.text).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    expect(read.body).toMatchObject({ url, events: ['claim.paid'], enabled: true, version: 1 });
    expect(read.headers.get('etag')).toBe('"1"');

    const list = await call('GET', '/v1/webhook-endpoints', undefined, shop.auth);
    expect((list.body.items as { id: string }[]).map((e) => e.id)).toContain(id);
    const theirs = await call('GET', `/v1/webhook-endpoints/${id}`, undefined, other.auth);
    expect(theirs.status, theirs.text).toBe(404);

    const stale = await call(
      'PATCH',
      `/v1/webhook-endpoints/${id}`,
      { enabled: false },
      { ...shop.auth, 'if-match': '"7"' },
    );
    expect(stale.status, stale.text).toBe(412);
    const patched = await call(
      'PATCH',
      `/v1/webhook-endpoints/${id}`,
      { enabled: false, events: ['claim.filed', 'claim.paid'], description: '' },
      { ...shop.auth, 'if-match': '"1"' },
    );
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ enabled: false, disabledReason: 'manual', version: 2 });
    expect(patched.body).not.toHaveProperty('description');

    const test = await call('POST', `/v1/webhook-endpoints/${id}/test`, undefined, shop.auth);
    expect(test.status, test.text).toBe(409);
    expect(test.body.type).toBe('/problems/webhook-endpoint-disabled');

    const deleted = await call('DELETE', `/v1/webhook-endpoints/${id}`, undefined, shop.auth);
    expect(deleted.status, deleted.text).toBe(200);
    const gone = await call('GET', `/v1/webhook-endpoints/${id}`, undefined, shop.auth);
    expect(gone.status, gone.text).toBe(404);
  });

  it('are a shop key’s: a clerk key is a 403', async () => {
    const answer = await call('GET', '/v1/webhook-endpoints', undefined, clerk.auth);
    expect(answer.status, answer.text).toBe(403);
    const made = await call(
      'POST',
      '/v1/webhook-endpoints',
      { url: 'https://shop.example.com/h', events: ['*'] },
      clerk.auth,
    );
    expect(made.status, made.text).toBe(403);
  });

  it.each([
    ['http://shop.example.com/h', 'must be https'],
    ['https://10.1.2.3/h', 'private'],
    ['https://[fd00::1]/h', 'IPv6'],
    ['https://100.64.0.1/h', 'CGNAT'],
    ['https://api.localhost/h', 'localhost'],
    ['https://user:pw@shop.example.com/h', 'credentials'],
    [`https://shop.example.com/${'a'.repeat(2048)}`, '2048'],
  ])('refuses the URL %s at /url', async (url, reason) => {
    const answer = await call('POST', '/v1/webhook-endpoints', { url, events: ['*'] }, shop.auth);
    expect(answer.status, answer.text).toBe(422);
    const [error] = fieldErrorsOf(answer);
    expect(error?.pointer).toBe('/url');
    expect(error?.detail).toContain(reason);
  });

  it('refuses an unknown event type and an empty list', async () => {
    for (const events of [['claim.lost'], []]) {
      const answer = await call(
        'POST',
        '/v1/webhook-endpoints',
        { url: 'https://shop.example.com/h', events },
        shop.auth,
      );
      expect(answer.status, answer.text).toBe(422);
      expect(fieldErrorsOf(answer)[0]?.pointer).toMatch(/^\/events/);
    }
  });

  it('caps a shop at 10 endpoints, even when 12 are created at once', async () => {
    const capped = await seedShop();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(
          'POST',
          '/v1/webhook-endpoints',
          { url: 'https://shop.example.com/h', events: ['*'] },
          capped.auth,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    const refused = answers.filter((a) => a.status === 422);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.body).toMatchObject({
      type: '/problems/webhook-endpoint-limit',
      maximum: 10,
    });
  });
});

describe('deliveries', () => {
  it('sends a signed webhook.test, lists it with its attempt, rotates the secret and signs with both', async () => {
    const { label, url } = hook(200);
    const endpoint = await create(shop.auth, url, ['claim.paid']);
    const sent = await call(
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/test`,
      undefined,
      shop.auth,
    );
    expect(sent.status, sent.text).toBe(202);
    const [message] = await arrived(label);
    expect(message?.headers['webhook-id']).toBe(sent.body.eventId);
    expect(message?.headers['content-type']).toBe('application/json');
    expect(signedWith(endpoint.secret, message!)).toBe(true);
    expect(JSON.parse(message!.body)).toMatchObject({
      type: 'webhook.test',
      data: { endpointId: endpoint.id },
    });

    const list = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${endpoint.id}&status=succeeded`,
      undefined,
      shop.auth,
    );
    expect(list.status, list.text).toBe(200);
    const [delivery] = list.body.items as {
      id: string;
      attempts: { statusCode: number; response: string }[];
    }[];
    expect(delivery?.id).toBe(sent.body.deliveryId);
    expect(delivery?.attempts).toMatchObject([{ statusCode: 200, response: 'answered 200' }]);

    const rotated = await call(
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      undefined,
      shop.auth,
    );
    expect(rotated.status, rotated.text).toBe(200);
    const newSecret = rotated.body.secret as string;
    expect(newSecret).not.toBe(endpoint.secret);
    expect(rotated.body.previousSecretExpiresAt).toBeDefined();
    await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`, undefined, shop.auth);
    const second = (await arrived(label))[1]!;
    expect(signedWith(newSecret, second) && signedWith(endpoint.secret, second)).toBe(true);
  });

  it('disables an endpoint that answers 410, refuses its replay (409), and replays once enabled', async () => {
    const { label, url } = hook(410);
    const endpoint = await create(shop.auth, url);
    await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`, undefined, shop.auth);
    const read = await call('GET', `/v1/webhook-endpoints/${endpoint.id}`, undefined, shop.auth);
    expect(read.body).toMatchObject({ enabled: false, disabledReason: 'gone' });
    const failed = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${endpoint.id}&status=failed`,
      undefined,
      shop.auth,
    );
    const [delivery] = failed.body.items as { id: string }[];
    const refused = await call(
      'POST',
      `/v1/webhook-deliveries/${delivery!.id}/replay`,
      undefined,
      shop.auth,
    );
    expect(refused.status, refused.text).toBe(409);

    await call('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, { enabled: true }, shop.auth);
    const replayed = await call(
      'POST',
      `/v1/webhook-deliveries/${delivery!.id}/replay`,
      undefined,
      shop.auth,
    );
    expect(replayed.status, replayed.text).toBe(202);
    expect(replayed.body).toMatchObject({ id: delivery!.id, series: 2 });
    const messages = await arrived(label);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.headers['webhook-id']).toBe(messages[0]?.headers['webhook-id']);

    const theirs = await call(
      'POST',
      `/v1/webhook-deliveries/${delivery!.id}/replay`,
      undefined,
      other.auth,
    );
    expect(theirs.status, theirs.text).toBe(404);
  });

  it('recovers every failed delivery since an instant', async () => {
    const { label, url } = hook(500);
    const endpoint = await create(shop.auth, url);
    for (let i = 0; i < 3; i++) {
      await call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`, undefined, shop.auth);
    }
    // Inline, no queue holds a retry: a failed attempt is final.
    const pending = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${endpoint.id}&status=failed&limit=2`,
      undefined,
      shop.auth,
    );
    expect(pending.status, pending.text).toBe(200);
    expect(pending.body.items).toHaveLength(2);
    expect(pending.body.nextCursor).toBeDefined();
    const rest = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${endpoint.id}&status=failed&limit=2&cursor=${encodeURIComponent(String(pending.body.nextCursor))}`,
      undefined,
      shop.auth,
    );
    expect(rest.body.items).toHaveLength(1);
    const forged = await call(
      'GET',
      `/v1/webhook-deliveries?endpointId=${endpoint.id}&cursor=${encodeURIComponent(String(pending.body.nextCursor))}`,
      undefined,
      shop.auth,
    );
    expect(forged.status, forged.text).toBe(422);

    const recovered = await call(
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/recover`,
      { since: '2020-01-01T00:00:00Z' },
      shop.auth,
    );
    expect(recovered.status, recovered.text).toBe(202);
    expect(recovered.body).toEqual({ replayed: 3 });
    const messages = await arrived(label);
    expect(messages).toHaveLength(6);
    // The same three events again, under the same ids.
    const ids = messages.map((m) => m.headers['webhook-id']);
    expect(new Set(ids).size).toBe(3);
    const later = await call(
      'POST',
      `/v1/webhook-endpoints/${endpoint.id}/recover`,
      { since: '2099-01-01T00:00:00Z' },
      shop.auth,
    );
    expect(later.body).toEqual({ replayed: 0 });
  });
});
