/**
 * Request examples shown in the OpenAPI document. The matching response
 * examples are computed from these by the real domain code (routes/examples.ts),
 * so the documentation cannot drift from what the API answers.
 */
import type { ClaimFiling } from '../domain/claim/filing';

/** The filing example of the OpenAPI document (also the body example of POST /v1/claims). */
export const filingExample = {
  type: 'lost',
  carrier: 'cdek',
  waybill: '1234567890',
  orderId: 'A-1001',
  shippedDate: '2025-06-02',
  shipment: {
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    deliveryPaid: true,
    insurance: {
      declaredValue: { amount: '10000.00', currency: 'RUB' },
      documentedValue: { amount: '8000.00', currency: 'RUB' },
    },
  },
  claimant: { name: 'Anna Petrova', email: 'anna@example.com', phone: '+7 900 000-00-00' },
  description: 'The parcel never arrived; tracking stops at the sorting centre.',
  evidence: [{ kind: 'receipt', name: 'delivery-receipt.pdf' }],
} satisfies ClaimFiling;

export const requestExamples = {
  weight: {
    carrier: 'cdek',
    packages: [
      { lengthCm: '40', widthCm: '30', heightCm: '20', weightKg: '2.5' },
      { lengthCm: '10', widthCm: '10', heightCm: '10', weightKg: '1.2' },
    ],
  },
  late: {
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    promisedDate: '2025-04-30',
    deliveredDate: '2025-05-06',
    calendar: 'RU',
    carrier: 'cdek',
  },
  lost: {
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    deliveryPaid: true,
    insurance: {
      declaredValue: { amount: '10000.00', currency: 'RUB' },
      documentedValue: { amount: '8000.00', currency: 'RUB' },
    },
    carrier: 'cdek',
  },
  damaged: {
    deliveryCost: { amount: '500.00', currency: 'RUB' },
    insurance: { declaredValue: { amount: '10000.00', currency: 'RUB' } },
    documentedDamage: { amount: '2500.00', currency: 'RUB' },
  },
} as const;
