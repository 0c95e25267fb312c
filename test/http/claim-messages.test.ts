import { beforeAll, describe, expect, it } from 'vitest';
import { shopInputExample } from '../../src/routes/shop/shop.routes';
import { fileOk, move, seedKey, seedShop } from './claims-helpers';
import { call, rub } from './helpers';

let shop: Awaited<ReturnType<typeof seedShop>>;
let clerk: Awaited<ReturnType<typeof seedKey>>;
beforeAll(async () => {
  shop = await seedShop();
  clerk = await seedKey('clerk');
});

type Message = { id: string; kind: string; subject: string; text: string };
const messagesOf = async (id: string, lang: string, auth: Record<string, string>) => {
  const a = await call('GET', `/v1/claims/${id}/messages?lang=${lang}`, undefined, auth);
  expect(a.status, a.text).toBe(200);
  return a.body.items as Message[];
};

describe('messages to the customer', () => {
  it('drafts an acknowledgement at filing: the case number, an apology, what happens next, when', async () => {
    const claim = await fileOk(shop.auth);
    const [ack, ...rest] = await messagesOf(claim.id, 'ru', shop.auth);
    expect(rest).toEqual([]);
    expect(ack).toMatchObject({ id: 'ack', kind: 'acknowledgement' });
    const paragraphs = ack?.text.split('\n\n') ?? [];
    const { name } = claim.claimant as { name: string };
    expect(paragraphs[0]).toBe(`Здравствуйте, ${name}!`);
    expect(paragraphs[1]).toContain('потерялась в пути');
    expect(paragraphs[1]).toContain('Приносим извинения');
    expect(ack?.text).toContain(claim.id);
    expect(ack?.text).toContain('ответ должен прийти до');
    // The carrier's compensation is the shop's business, never the customer's.
    expect(ack?.text).not.toContain('8500');
    expect(ack?.text).not.toContain('8 500');
    const [en] = await messagesOf(claim.id, 'en', clerk.auth);
    expect(en?.text).toMatch(/^Dear /);
    expect(en?.text).toContain('We are sorry');
  });

  it('adds the decision and the payment, signed with the shop’s legal name once it has a profile', async () => {
    await call('PUT', '/v1/shop', shopInputExample, shop.auth);
    const claim = await fileOk(shop.auth);
    await move(claim.id, 'review', clerk.auth);
    await move(claim.id, 'decision', clerk.auth, {
      decision: 'approved',
      reason: 'Loss confirmed',
    });
    await move(claim.id, 'payment', clerk.auth, {
      amount: rub('8500.00'),
      paidOn: '2025-06-16',
      reference: 'PP-1',
    });
    const messages = await messagesOf(claim.id, 'ru', shop.auth);
    expect(messages.map((m) => m.kind)).toEqual(['acknowledgement', 'decision', 'payment']);
    for (const m of messages) expect(m.text.endsWith('ООО «Ромашка»')).toBe(true);
    expect(messages[1]?.text).toContain('полностью признала');
    expect(messages[2]?.text).toContain('16 июня 2025');
  });

  it('is the claim’s: another shop gets a 404, a language we do not write a 422', async () => {
    const claim = await fileOk(shop.auth);
    const other = await seedShop();
    const peek = await call('GET', `/v1/claims/${claim.id}/messages`, undefined, other.auth);
    expect(peek.status, peek.text).toBe(404);
    const de = await call('GET', `/v1/claims/${claim.id}/messages?lang=de`, undefined, shop.auth);
    expect(de.status, de.text).toBe(422);
  });

  it('records when a message went out, once: a repeat answers the first time', async () => {
    const claim = await fileOk(shop.auth);
    const path = `/v1/claims/${claim.id}/messages/ack/sent`;
    const first = await call('POST', path, undefined, shop.auth);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ id: 'ack', kind: 'acknowledgement' });
    expect(typeof first.body.sentAt).toBe('string');
    const again = await call('POST', path, undefined, clerk.auth);
    expect(again.body.sentAt).toBe(first.body.sentAt);
    const [ack] = await messagesOf(claim.id, 'en', shop.auth);
    expect(ack).toMatchObject({ id: 'ack', sentAt: first.body.sentAt });
    const notYet = await call(
      'POST',
      `/v1/claims/${claim.id}/messages/payment/sent`,
      undefined,
      shop.auth,
    );
    expect(notYet.status, notYet.text).toBe(404);
    const unknown = await call(
      'POST',
      `/v1/claims/${claim.id}/messages/nope/sent`,
      undefined,
      shop.auth,
    );
    expect(unknown.status, unknown.text).toBe(422);
  });
});
