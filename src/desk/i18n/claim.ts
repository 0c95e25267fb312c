/** Texts of the claim page and its move forms (the Russian ones are in claim-ru.ts). */
import type { ClerkMove } from '../forms/move-form';
import { ru } from './claim-ru';
import type { FactKey } from '../views/parts/shipment-facts';
import type { GeneratedComment } from '../../domain/claim';
import type { Language } from './lang';
import { commonFor } from './common';

export interface MoveTexts {
  title: string;
  submit: string;
}

const en = {
  title: (waybill: string) => `Claim for waybill ${waybill}`,
  summary: 'Summary',
  claimId: 'Claim id',
  customerKind: 'Customer',
  b2b: 'B2B: a business (formal messages, the contract’s penalty)',
  status: 'Status',
  type: 'Type',
  carrier: 'Carrier',
  shop: 'Shop',
  version: 'Version',
  filed: 'Filed',
  shipment: 'Shipment',
  waybill: 'Waybill',
  orderId: 'Order',
  shippedDate: 'Shipped on',
  customer: 'Customer',
  name: 'Name',
  email: 'E-mail',
  phone: 'Phone',
  description: 'What happened',
  facts: {
    deliveryCost: 'Delivery cost',
    deliveryPaid: 'Delivery paid by the claimant',
    declaredValue: 'Declared (insured) value',
    insuredDocumentedValue: 'Documented value of the insured contents',
    documentedValue: 'Documented value of the contents',
    documentedDamage: 'Documented damage',
    promisedDate: 'Promised delivery date',
    shipmentShippedDate: 'Shipped on (for the transit time)',
    transitBusinessDays: 'Transit time, business days',
    deliveredDate: 'Delivered on',
    asOf: 'Still undelivered on',
    calendar: 'Business calendar',
  } satisfies Record<FactKey, string>,
  compensation: 'Compensation',
  computedAmount: 'Computed amount',
  parts: 'Parts of the amount',
  payable: 'payable',
  waiting: 'waits for documents',
  explanation: 'How it was computed',
  evidence: 'Evidence',
  noEvidence: 'No evidence yet.',
  missing: 'Still missing',
  nothingMissing: 'Nothing is missing.',
  added: 'added',
  deadlines: 'Deadlines',
  filingDeadline: 'Filing deadline',
  answerDueBy: 'Carrier’s answer due by',
  overdue: 'Overdue',
  decision: 'Decision',
  approvedAmount: 'Approved amount',
  reason: 'Reason',
  overrideReason: 'Reason for approving more than computed',
  decidedBy: 'Decided by',
  payment: 'Payment',
  paidAmount: 'Amount paid',
  paidOn: 'Paid on',
  reference: 'Payment reference',
  recordedBy: 'Recorded by',
  history: 'History',
  when: 'When',
  who: 'Who',
  what: 'What',
  change: 'Status',
  note: 'Note',
  generated: (comment: GeneratedComment) =>
    comment.kind === 'payment_reference'
      ? `payment reference ${comment.reference}`
      : 'new evidence arrived, back into review',
  nextSteps: 'Next steps',
  settled: 'No further moves: the claim is settled.',
  noteOptional: 'Note (optional)',
  reasonOptional: 'Reason (optional)',
  amountHint: (computed: string) => `${commonFor('en').amountRule} Computed: ${computed}.`,
  moves: {
    review: { title: 'Take into review', submit: 'Take into review' },
    'needs-info': { title: 'Ask for information', submit: 'Ask for information' },
    approve: { title: 'Approve in full', submit: 'Approve' },
    partial: { title: 'Approve partially', submit: 'Approve partially' },
    reject: { title: 'Reject', submit: 'Reject' },
    payment: { title: 'Record the payment', submit: 'Record payment' },
  } satisfies Record<ClerkMove, MoveTexts>,
  done: {
    filed: 'The claim is filed.',
    review: 'The claim is in review.',
    'needs-info': 'The shop is asked for information.',
    approve: 'The claim is approved.',
    partial: 'The claim is partially approved.',
    reject: 'The claim is rejected.',
    payment: 'The payment is recorded.',
  } satisfies Record<ClerkMove | 'filed', string>,
  conflict: (seen: number, now: number, status: string) =>
    `Someone changed this claim after you opened it (you saw version ${seen}; it is now version ${now}, ${status}). Nothing was saved. Check the claim below and repeat your step if it still applies.`,
  refused: 'The claim’s status does not allow that step. Nothing was saved.',
  letter: 'Claim letter to the carrier (printable)',
  letterEn: 'English',
  letterRu: 'Russian',
};

export type ClaimMessages = typeof en;

/** @example claimFor('en').moves.partial.title // 'Approve partially' */
export const claimFor = (lang: Language): ClaimMessages => (lang === 'ru' ? ru : en);
