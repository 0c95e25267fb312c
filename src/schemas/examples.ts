/**
 * Request examples shown in the OpenAPI document. The matching response
 * examples are computed from these by the real domain code (routes/examples.ts),
 * so the documentation cannot drift from what the API answers.
 */
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
