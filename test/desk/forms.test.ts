import { describe, expect, it } from 'vitest';
import {
  domainIssues,
  FORM_LEVEL,
  fieldFor,
  inLanguage,
  pointerPath,
  schemaIssues,
} from '../../src/desk/forms/field-errors';
import { filingFieldFor, filingFromForm } from '../../src/desk/forms/filing-form';
import { DomainError } from '../../src/domain/errors';
import { PARSE_OPTIONS } from '../../src/http/field-issues';
import { clerkMoves, MoveFormError, moveCommand } from '../../src/desk/forms/move-form';
import { FileClaimSchema } from '../../src/schemas/claim.schema';
import { jsx } from 'hono/jsx';
import {
  shipmentClaimFieldFor,
  shipmentClaimRequest,
} from '../../src/desk/forms/shipment-claim-form';
import { TextField } from '../../src/desk/views/parts/fields';
import { FieldError } from '../../src/desk/views/parts/field-error';
import { LandOnFirstError } from '../../src/desk/views/parts/first-error';

const base = {
  type: 'lost',
  carrier: 'cdek',
  waybill: ' W-1 ',
  shippedDate: '2025-06-02',
  currency: 'RUB',
  deliveryCost: '500.00',
  claimantName: 'Anna',
  claimantEmail: 'anna@example.com',
  claimantPhone: '+7 900 000-00-00',
  description: 'Lost.',
};
const rub = (amount: string) => ({ amount, currency: 'RUB' });

describe('the phone-claim form as a POST /v1/claims body', () => {
  it('builds an insured loss the API schema accepts', () => {
    const { body } = filingFromForm({
      ...base,
      deliveryPaid: 'true',
      declaredValue: '10000.00',
      documentedValue: '8000.00',
    });
    expect(body.shipment).toEqual({
      deliveryCost: rub('500.00'),
      deliveryPaid: true,
      insurance: { declaredValue: rub('10000.00'), documentedValue: rub('8000.00') },
    });
    expect(body.waybill).toBe('W-1');
    expect(FileClaimSchema.safeParse(body).success).toBe(true);
  });

  it('puts an uninsured loss’s documented value beside the delivery cost, and an unticked box as unpaid', () => {
    const { body } = filingFromForm({ ...base, documentedValue: '900.00' });
    expect(body.shipment).toEqual({
      deliveryCost: rub('500.00'),
      deliveryPaid: false,
      documentedValue: rub('900.00'),
    });
  });

  it('reads the documented value as the documented damage of a damaged parcel', () => {
    const { body } = filingFromForm({ ...base, type: 'damaged', documentedValue: '700.00' });
    expect(body.shipment).toEqual({ deliveryCost: rub('500.00'), documentedDamage: rub('700.00') });
  });

  it('counts a late claim’s transit days from the claim’s shipping date', () => {
    const { body } = filingFromForm({
      ...base,
      type: 'late',
      transitBusinessDays: '3',
      deliveredDate: '2025-06-10',
    });
    expect(body.shipment).toEqual({
      deliveryCost: rub('500.00'),
      shippedDate: '2025-06-02',
      transitBusinessDays: 3,
      deliveredDate: '2025-06-10',
    });
    expect(FileClaimSchema.safeParse(body).success).toBe(true);
  });

  it('skips empty evidence rows and remembers which row each item came from', () => {
    const { body, evidenceRows } = filingFromForm({
      ...base,
      'evidence.0.kind': 'photo',
      'evidence.2.kind': 'receipt',
      'evidence.2.name': 'r.pdf',
    });
    expect(body.evidence).toEqual([{ kind: 'receipt', name: 'r.pdf' }]);
    expect(evidenceRows).toEqual([2]);
  });
});

describe('errors back to the field that shows them', () => {
  it.each([
    [['shipment', 'deliveryCost', 'amount'], 'deliveryCost'],
    [['shipment', 'deliveryCost', 'currency'], 'currency'],
    [['shipment', 'insurance', 'declaredValue', 'amount'], 'declaredValue'],
    [['shipment', 'insurance', 'documentedValue', 'amount'], 'documentedValue'],
    [['shipment', 'documentedDamage', 'amount'], 'documentedValue'],
    [['shipment', 'transitBusinessDays'], 'transitBusinessDays'],
    [['claimant', 'email'], 'claimantEmail'],
    [['evidence', 0, 'url'], 'evidence.2.url'],
    [['waybill'], 'waybill'],
    [['shipment', 'calendar'], FORM_LEVEL],
    [[], FORM_LEVEL],
  ] as const)('%j → %s', (path, field) => {
    expect(filingFieldFor(path, [2])).toBe(field);
  });

  it.each([
    ['/shipment/deliveryCost/amount', 'deliveryCost'],
    ['/shipment/insurance/declaredValue/currency', 'currency'],
    ['/shipment/promisedDate', 'promisedDate'],
    ['/shipment/deliveredDate', 'deliveredDate'],
    ['/shippedDate', 'shippedDate'],
    ['/carrier', 'carrier'],
    [undefined, FORM_LEVEL],
  ] as const)('shows a domain error at %j (as the API points) beside %s', (pointer, field) => {
    const error = new DomainError('invalid-input', 'is wrong', pointer);
    const fieldOf = (path: readonly PropertyKey[]) => filingFieldFor(path, []);
    expect(Object.keys(domainIssues(error, fieldOf))).toEqual([field]);
  });

  it('shows a filing’s schema errors by field with their codes, in either language', () => {
    const { body, evidenceRows } = filingFromForm({ ...base, waybill: '', claimantPhone: '' });
    const result = FileClaimSchema.safeParse(body, PARSE_OPTIONS);
    if (result.success) throw new Error('the filing passed');
    const issues = schemaIssues(result.error, (path) => filingFieldFor(path, evidenceRows));
    expect(issues.waybill).toMatchObject({ code: 'required', message: 'is required' });
    expect(inLanguage('en', issues)).toMatchObject({ waybill: 'is required' });
    expect(inLanguage('ru', issues)).toMatchObject({
      waybill: 'обязательное поле',
      claimantPhone: 'должен быть номером телефона: цифры, пробелы, ( ) - и + в начале',
    });
  });

  it.each([
    [['approvedAmount', 'amount'], 'amount'],
    [['amount', 'currency'], 'amount'],
    [['reason'], 'reason'],
    [['decision'], FORM_LEVEL],
  ] as const)('a move form reads %j as %s', (path, field) => {
    expect(fieldFor(path, ['amount', 'reason'])).toBe(field);
  });

  it('decodes JSON Pointer escapes', () => {
    expect(pointerPath('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
  });
});

describe('the clerk’s move forms', () => {
  it.each([
    ['submitted', ['review']],
    ['in_review', ['approve', 'partial', 'reject', 'needs-info']],
    ['needs_info', ['review']],
    ['partially_approved', ['payment']],
    ['paid', []],
    ['cancelled', []],
  ] as const)('a %s claim offers %j', (status, moves) => {
    expect(clerkMoves(status)).toEqual(moves);
  });

  it('checks a partial approval with the API’s schema, naming the field', () => {
    const attempt = () =>
      moveCommand('partial', { amount: '12,505', reason: 'Two of three items' }, 'RUB');
    expect(attempt).toThrow(MoveFormError);
    try {
      attempt();
    } catch (error) {
      const { issues } = error as MoveFormError;
      expect(issues).toEqual({ amount: expect.objectContaining({ code: 'invalid_value' }) });
      expect(inLanguage('en', issues).amount).toContain('has 3 decimals');
      expect(inLanguage('ru', issues).amount).toContain('знаков в дробной части: 3');
    }
  });

  it('checks a payment’s date and reference', () => {
    try {
      moveCommand('payment', { amount: '10.00', paidOn: '2025-02-30', reference: '' }, 'RUB');
      expect.unreachable();
    } catch (error) {
      expect(Object.keys((error as MoveFormError).issues).sort()).toEqual(['paidOn', 'reference']);
    }
  });
});

describe('filing from a shipment on the order page', () => {
  it.each([
    [['documentedValue', 'amount'], 'documentedAmount'],
    [['documentedDamage', 'currency'], 'documentedAmount'],
    [['description'], 'description'],
    [['type'], 'type'],
    [['shipment', 'asOf'], FORM_LEVEL],
    [['waybill'], FORM_LEVEL],
  ] as const)('shows an error at %j beside %s', (path, field) => {
    expect(shipmentClaimFieldFor(path)).toBe(field);
  });

  it('builds the API’s request, the documented amount named by the claim’s type', () => {
    const asked = shipmentClaimRequest(
      { type: 'damaged', description: 'Dented', documentedAmount: '700.00' },
      'RUB',
    );
    expect(asked).toEqual({
      request: {
        type: 'damaged',
        description: 'Dented',
        documentedDamage: { amount: '700.00', currency: 'RUB' },
        evidence: [],
      },
    });
  });

  it('refuses an empty description beside its field, in the page’s language', () => {
    const asked = shipmentClaimRequest(
      { type: 'late', description: '', documentedAmount: '' },
      'RUB',
    );
    if (!('issues' in asked)) throw new Error('the request passed');
    expect(inLanguage('ru', asked.issues)).toEqual({ description: 'обязательное поле' });
  });
});

describe('landing on the first error', () => {
  const field = (name: string, error?: string) =>
    jsx(TextField, { id: `f-${name}`, name, label: name, lang: 'en', value: '', error });
  const html = async (node: unknown) => String(await node);

  it('focuses the first invalid field of the page, and only that one', async () => {
    const page = jsx(
      LandOnFirstError,
      {},
      field('a'),
      field('b', 'is required'),
      field('c', 'is required'),
    );
    const text = await html(page);
    expect(text.match(/autofocus/g)).toHaveLength(1);
    expect(text).toMatch(/<input id="f-b"[^>]* autofocus/);
  });

  it('focuses a form’s own error when it comes first, and nothing on a page that did not ask', async () => {
    const formError = jsx(FieldError, { id: 'e', lang: 'en', message: 'no', formLevel: true });
    const text = await html(jsx(LandOnFirstError, {}, formError, field('b', 'is required')));
    expect(text).toMatch(/<p class="field-error" id="e" tabindex="-1" autofocus/);
    expect(text.match(/autofocus/g)).toHaveLength(1);
    expect(await html(field('b', 'is required'))).not.toContain('autofocus');
  });
});
