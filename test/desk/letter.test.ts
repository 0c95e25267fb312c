import { describe, expect, it } from 'vitest';
import { carrierName } from '../../src/domain/policies';
import type { Language } from '../../src/desk/i18n/lang';
import { letterCarrier } from '../../src/desk/i18n/letter';
import { deskLine, formatParam } from '../../src/desk/i18n/lines';
import { clerkMoves } from '../../src/desk/forms/move-form';
import { shipmentFacts } from '../../src/desk/views/parts/shipment-facts';
import { getCalendar } from '../../src/domain/calendar';
import {
  applyCommand,
  fileClaim,
  type Claim,
  type ClaimCommand,
  type ClaimEvent,
} from '../../src/domain/claim';
import { prepareClaim, type ClaimFiling } from '../../src/domain/claim/filing';
import { line } from '../../src/domain/explain';
import { resolvePolicy, type PolicyNote } from '../../src/domain/policies';
import { ClaimPage } from '../../src/desk/views/claim/claim-page';
import { LetterPage } from '../../src/desk/views/letter';
import type { ShopProfile } from '../../src/domain/shop';
import { shopProfileExample } from '../../src/routes/shop/shop.routes';

const TODAY = '2025-06-16';
const AT = '2025-06-16T09:00:00.000Z';
const rub = (amount: string) => ({ amount, currency: 'RUB' as const });

const common = {
  carrier: 'cdek',
  waybill: 'WB-1001',
  shippedDate: '2025-06-02',
  claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'Never arrived.',
  evidence: [{ kind: 'receipt' as const, name: 'receipt.pdf' }],
};

const FILINGS = {
  'insured lost': {
    ...common,
    type: 'lost',
    shipment: {
      deliveryCost: rub('450.00'),
      insurance: { declaredValue: rub('12000.00'), documentedValue: rub('8000.00') },
    },
  },
  'uninsured lost': { ...common, type: 'lost', shipment: { deliveryCost: rub('450.00') } },
  late: {
    ...common,
    type: 'late',
    shipment: {
      deliveryCost: rub('450.00'),
      promisedDate: '2025-06-04',
      deliveredDate: '2025-06-10',
    },
  },
  'insured damaged': {
    ...common,
    type: 'damaged',
    shipment: {
      deliveryCost: rub('450.00'),
      insurance: { declaredValue: rub('12000.00') },
      documentedDamage: rub('2500.00'),
    },
  },
  'uninsured damaged': {
    ...common,
    type: 'damaged',
    shipment: { deliveryCost: rub('450.00'), documentedDamage: rub('2500.00') },
  },
} satisfies Record<string, ClaimFiling>;
type Case = keyof typeof FILINGS;

function claimOf(filing: ClaimFiling, carrier = 'cdek'): Claim {
  const policy = resolvePolicy(carrier);
  const ctx = { policy, calendar: getCalendar('RU'), shopId: 'shop-1', today: TODAY, at: AT };
  const prepared = prepareClaim({ ...filing, carrier }, ctx);
  const id = `clm_${'0'.repeat(31)}1`;
  return fileClaim(prepared, { id, at: AT, by: { role: 'shop', id: 'shop-1' } }).claim;
}

/** The page's text: tags dropped, entities read, spaces (Intl's no-break ones too) plain. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

async function letterText(claim: Claim, lang: Language, sender?: ShopProfile): Promise<string> {
  const page = LetterPage({
    lang,
    claim,
    sender,
    carrier: letterCarrier(lang, claim.carrier),
    facts: shipmentFacts(claim.shipment),
    today: TODAY,
  });
  return textOf(String(await page));
}

async function claimPageText(claim: Claim, lang: Language): Promise<string> {
  const history: ClaimEvent[] = [];
  const page = ClaimPage({
    lang,
    path: `/desk/claims/${claim.id}`,
    csrf: 'token',
    claim,
    history,
    carrier: carrierName(claim.carrier, lang),
    overdue: false,
    facts: shipmentFacts(claim.shipment),
    moves: clerkMoves(claim.status),
    today: TODAY,
  });
  return textOf(String(await page));
}

const plain = (s: string) => s.replace(/\s+/g, ' ');
const noteText = (note: PolicyNote, lang: Language) => plain(lang === 'ru' ? note.ru : note.en);

/** Whether a note is about this claim: its type, and (lost, damaged) its insurance. */
function about(note: PolicyNote, claim: Claim): boolean {
  if (note.topic !== claim.type) return false;
  if (note.when === undefined) return true;
  const insured = 'insurance' in claim.shipment && Boolean(claim.shipment.insurance);
  return note.when === (insured ? 'insured' : 'uninsured');
}

describe('the claim letter’s parties', () => {
  const sender: ShopProfile = { ...shopProfileExample, shopId: 'demo-shop' };

  it('is sent by the shop’s legal entity, with its numbers, address and signatory', async () => {
    const claim = claimOf(FILINGS['insured lost']);
    const ru = await letterText(claim, 'ru', sender);
    expect(ru).toContain('ООО «Ромашка»');
    expect(ru).toContain('ИНН 7736207543, КПП 773601001, ОГРН 1027700229193');
    expect(ru).toContain(sender.address);
    expect(ru).toContain(
      'Генеральный директор, ООО «Ромашка»: ____________________ Иванова Мария Сергеевна',
    );
    expect(ru).not.toContain('Магазин «');
    const en = await letterText(claim, 'en', sender);
    expect(en).toContain('INN 7736207543, KPP 773601001, OGRN 1027700229193');
  });

  it('is addressed to the carrier’s claims e-mail from its policy', async () => {
    const claim = claimOf(FILINGS['insured lost']);
    expect(await letterText(claim, 'ru', sender)).toContain('Для претензий: pretenzia@cdek.ru');
    expect(await letterText(claim, 'en', sender)).toContain('Claims desk: pretenzia@cdek.ru');
  });

  it('names the shop by its id, and says why, until the shop sends its details', async () => {
    const claim = claimOf(FILINGS['insured lost']);
    const ru = await letterText(claim, 'ru');
    expect(ru).toContain(`Магазин «${claim.shopId}»`);
    expect(ru).toContain('PUT /v1/shop');
  });
});

describe('the claim letter prints only the notes that apply', () => {
  it('an insured loss’s letter has no uninsured-loss note, in either language', async () => {
    const claim = claimOf(FILINGS['insured lost']);
    expect(await letterText(claim, 'en')).not.toContain('Uninsured loss');
    expect(await letterText(claim, 'ru')).not.toContain('Утрата без страховки');
  });

  it('an uninsured loss’s letter has it', async () => {
    const claim = claimOf(FILINGS['uninsured lost']);
    expect(await letterText(claim, 'en')).toContain(
      'Uninsured loss: the flat 3000 RUB is the whole compensation',
    );
    expect(await letterText(claim, 'ru')).toContain('Утрата без страховки');
  });

  it('a late claim’s letter has the late notes and none about loss or damage', async () => {
    const claim = claimOf(FILINGS.late);
    const text = await letterText(claim, 'en');
    expect(text).toContain('The FAQ gives no cap');
    expect(text).not.toContain('Uninsured loss');
    expect(text).not.toContain('uninsured damage');
  });

  const carriers = ['cdek', 'russian-post', 'road-freight'] as const;
  const cases = Object.keys(FILINGS) as Case[];
  const langs = ['en', 'ru'] as const;
  it.each(carriers.flatMap((c) => cases.flatMap((k) => langs.map((l) => [c, k, l] as const))))(
    '%s, %s claim, %s letter: every note about the claim, no other',
    async (carrier, kind, lang) => {
      const claim = claimOf(FILINGS[kind], carrier);
      const text = await letterText(claim, lang);
      for (const note of resolvePolicy(carrier).notes) {
        if (note.topic === 'claims') continue; // deadlines: cited by GET /v1/policies, not by results
        if (about(note, claim)) expect(text).toContain(noteText(note, lang));
        else expect(text).not.toContain(noteText(note, lang));
      }
    },
  );
});

describe('the Russian letter and claim page write every amount the Russian way', () => {
  const RAW_AMOUNT = /\d+\.\d{2} RUB/;
  it.each(Object.keys(FILINGS) as Case[])('%s claim', async (kind) => {
    const claim = claimOf(FILINGS[kind]);
    const letter = await letterText(claim, 'ru');
    expect(letter).not.toMatch(RAW_AMOUNT);
    expect(letter).toContain('450,00 ₽');
    const page = await claimPageText(claim, 'ru');
    expect(page).not.toMatch(RAW_AMOUNT);
    expect(page).toContain('450,00 ₽');
  });

  it('renders the calculation from the lines’ keys and params with the Russian templates', async () => {
    const claim = claimOf(FILINGS.late);
    const letter = await letterText(claim, 'ru');
    expect(letter).toContain('Неустойка: 3 % × дней: 4 × 450,00 ₽ = 54,00 ₽.');
    expect(letter).toContain('Предел: 100 % стоимости доставки = 450,00 ₽; не достигнут.');
  });

  it('writes sums, exact amounts and decimals in a param for the language', () => {
    expect(plain(String(formatParam('ru', '500.00 RUB + 8000.00 RUB')))).toBe(
      '500,00 ₽ + 8 000,00 ₽',
    );
    expect(plain(String(formatParam('ru', '22.505 RUB')))).toBe('22,505 ₽');
    expect(formatParam('ru', '4.800')).toBe('4,800');
    expect(plain(String(formatParam('en', '8000.00 RUB')))).toBe('RUB 8,000.00');
    expect(
      plain(deskLine('ru', line('weight.total', { terms: '4.800 + 2.500', totalKg: '7.300' }))),
    ).toBe('Итого оплачиваемый вес: 4,800 + 2,500 = 7,300 кг.');
  });

  it('leaves dates, versions, numbers and prose in params as they are', () => {
    expect(formatParam('ru', '2025-04-30')).toBe('2025-04-30');
    expect(formatParam('ru', '2025-01')).toBe('2025-01');
    expect(formatParam('ru', 5000)).toBe(5000);
    expect(formatParam('ru', 'flat 3000 RUB in total')).toBe('flat 3000 RUB in total');
    expect(formatParam('ru', '1 + x')).toBe('1 + x');
  });
});

describe('no desk page or letter names an internal document', () => {
  const INTERNAL = /seed\s*\d|seeds?\b/i;
  const carriers = ['cdek', 'russian-post', 'road-freight'] as const;
  const langs = ['en', 'ru'] as const;
  it.each(carriers.flatMap((c) => langs.map((l) => [c, l] as const)))(
    '%s, %s: the claim page and the letter of every kind of claim',
    async (carrier, lang) => {
      for (const filing of Object.values(FILINGS)) {
        const claim = claimOf(filing, carrier);
        expect(await letterText(claim, lang)).not.toMatch(INTERNAL);
        expect(await claimPageText(claim, lang)).not.toMatch(INTERNAL);
      }
    },
  );
});

describe('a claim stored before the citations were reworded', () => {
  const stored = (version: string, source: string, sourceRu: string) =>
    line('policy.applied', {
      policyId: 'cdek',
      version,
      name: 'CDEK parcels',
      source,
      nameRu: 'Посылки СДЭК',
      sourceRu,
    });

  it('shows the policy’s current citation for the same version, numbers unchanged', () => {
    const old = stored('2025-01', 'seed 004: CDEK customer FAQ (…)', 'seed 004: FAQ СДЭК (…)');
    for (const lang of ['en', 'ru'] as const) {
      const text = deskLine(lang, old);
      expect(text).not.toMatch(/seed/i);
      expect(text).toContain('https://www.cdek.ru/ru/faq/');
      expect(text).toContain('2025-01');
    }
  });

  it('keeps the stored citation of a version the policy no longer has', () => {
    expect(deskLine('en', stored('2019-01', 'an older FAQ', 'прежний FAQ'))).toContain(
      'an older FAQ',
    );
  });
});

describe('a claim’s order, its B2B customer and its clerks (issue 21)', () => {
  const clerk = { role: 'clerk' as const, id: 'clerk:d51a772b86707a5b' };
  const ctx = { at: AT, today: TODAY, by: clerk };
  const filed: Claim = { ...claimOf(FILINGS['uninsured lost']), orderId: 'O-7', b2b: true };
  const commands: ClaimCommand[] = [
    { type: 'review' },
    { type: 'decide', decision: 'approved', reason: 'Lost in transit' },
    { type: 'pay', amount: rub('450.00'), paidOn: TODAY, reference: 'PP-1' },
  ];
  const paid = commands.reduce((claim, c) => applyCommand(claim, c, ctx).claim, filed);
  const html = async (claim: Claim, lang: Language) =>
    String(
      await ClaimPage({
        lang,
        path: `/desk/claims/${claim.id}`,
        csrf: 'token',
        claim,
        history: [],
        actorNames: new Map([[clerk.id, 'Olga Smirnova']]),
        carrier: carrierName(claim.carrier, lang),
        overdue: false,
        facts: shipmentFacts(claim.shipment),
        moves: clerkMoves(claim.status),
        today: TODAY,
      }),
    );

  it('names the clerk who decided and who recorded the payment, not the key', async () => {
    const text = textOf(await html(paid, 'en'));
    expect(text).toMatch(/Decided by Olga Smirnova clerk:d51a772b86707a5b ?,/);
    expect(text).toMatch(/Recorded by Olga Smirnova clerk:d51a772b86707a5b ?,/);
  });

  it('links the order, when the claim has one', async () => {
    expect(await html(paid, 'ru')).toContain(
      '<a href="/desk/shops/shop-1/orders/O-7" id="claim-order">O-7</a>',
    );
    const { orderId: _none, ...withoutOrder } = paid;
    expect(await html(withoutOrder, 'ru')).not.toContain('id="claim-order"');
  });

  it('marks a B2B claim on its page and in its letter, in both languages', async () => {
    expect(textOf(await html(paid, 'ru'))).toContain('Покупатель B2B: организация');
    expect(textOf(await html(paid, 'en'))).toContain('Customer B2B: a business');
    const { b2b: _not, ...consumer } = paid;
    expect(await html(consumer, 'en')).not.toContain('claim-b2b');
    expect(await letterText(paid, 'ru')).toContain('Anna Petrova, юридическое лицо (заказ B2B)');
    expect(await letterText(paid, 'en')).toContain('Anna Petrova, a business (B2B order)');
    expect(await letterText(consumer, 'en')).not.toContain('B2B');
  });
});
