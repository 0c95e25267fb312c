import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../src/http/problem-types';
import { fileOk, lostFiling, seedShop } from './claims-helpers';
import { call, rub } from './helpers';

/** Internal source documents by their working names: no user may ever read these. */
const INTERNAL = /seed\s*\d|seeds?\b/i;

const CARRIERS = ['cdek', 'russian-post', 'road-freight'] as const;

/** What a partner or a shop reads, answer by answer: every calculator, for every carrier. */
const CALCULATIONS = [
  [
    '/v1/weight',
    { packages: [{ lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' }] },
  ],
  [
    '/v1/compensation/late',
    { deliveryCost: rub('500.00'), promisedDate: '2025-04-30', deliveredDate: '2025-05-06' },
  ],
  ['/v1/compensation/lost', { deliveryCost: rub('500.00') }],
  [
    '/v1/compensation/lost',
    { deliveryCost: rub('500.00'), insurance: { declaredValue: rub('10000.00') } },
  ],
  ['/v1/compensation/damaged', { deliveryCost: rub('500.00'), documentedDamage: rub('900.00') }],
  [
    '/v1/compensation/damaged',
    {
      deliveryCost: rub('500.00'),
      insurance: { declaredValue: rub('10000.00') },
      documentedDamage: rub('900.00'),
    },
  ],
] as const;

/** Fails naming the first internal name it finds, and where. */
function expectNoInternalNames(where: string, text: string) {
  const found = INTERNAL.exec(text);
  const context = found ? text.slice(Math.max(0, found.index - 60), found.index + 60) : '';
  expect(found, `${where} names an internal document: …${context}…`).toBeNull();
}

describe('no answer names an internal document', () => {
  it('GET /v1/policies and each policy cite the carrier’s public page or the law', async () => {
    const list = await call('GET', '/v1/policies');
    expect(list.status, list.text).toBe(200);
    expectNoInternalNames('GET /v1/policies', list.text);
    const items = list.body.items as { id: string; source: string; ru: { source: string } }[];
    for (const { id } of items) {
      const one = await call('GET', `/v1/policies/${id}`);
      expect(one.status, one.text).toBe(200);
      expectNoInternalNames(`GET /v1/policies/${id}`, one.text);
    }
    const cdek = items.find((p) => p.id === 'cdek');
    expect(cdek?.source).toContain('https://www.cdek.ru/ru/faq/');
    expect(items.find((p) => p.id === 'russian-post')?.source).toContain('176-FZ');
    expect(items.find((p) => p.id === 'road-freight')?.source).toContain('259-FZ');
  });

  it.each(CARRIERS.flatMap((carrier) => CALCULATIONS.map(([path, body]) => [carrier, path, body])))(
    '%s: the lines of POST %s',
    async (carrier, path, body) => {
      const a = await call('POST', path as string, { ...(body as object), carrier });
      expect(a.status, a.text).toBe(200);
      const lines = a.body.lines as { key: string; text: string }[];
      expect(lines.length).toBeGreaterThan(0);
      expectNoInternalNames(`POST ${String(path)} (${carrier})`, a.text);
    },
  );

  it('a filed claim, its history and its listing', async () => {
    const shop = await seedShop();
    const claim = await fileOk(
      shop.auth,
      lostFiling({ shipment: { deliveryCost: rub('500.00') } }),
    );
    const answers = [
      ['POST /v1/claims', JSON.stringify(claim)],
      [
        'GET /v1/claims/{id}',
        (await call('GET', `/v1/claims/${claim.id}`, undefined, shop.auth)).text,
      ],
      [
        'GET /v1/claims/{id}/history',
        (await call('GET', `/v1/claims/${claim.id}/history`, undefined, shop.auth)).text,
      ],
      ['GET /v1/claims', (await call('GET', '/v1/claims', undefined, shop.auth)).text],
    ] as const;
    for (const [where, text] of answers) expectNoInternalNames(where, text);
  });

  it('the OpenAPI document, the docs page and every problem page', async () => {
    const spec = await call('GET', '/openapi.json');
    expect(spec.status).toBe(200);
    expectNoInternalNames('/openapi.json', spec.text);
    const docs = await call('GET', '/docs');
    expect(docs.status).toBe(200);
    expectNoInternalNames('/docs', docs.text);
    for (const { slug } of Object.values(PROBLEMS)) {
      const page = await call('GET', `/problems/${slug}`);
      expectNoInternalNames(`/problems/${slug}`, page.text);
    }
  });
});
