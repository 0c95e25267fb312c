import { getCalendar } from '../../domain/calendar';
import { fileClaim, transition } from '../../domain/claim';
import { decide, recordPayment } from '../../domain/claim/decision';
import { prepareClaim } from '../../domain/claim/filing';
import { resolvePolicy } from '../../domain/policies';
import { filingExample } from '../../schemas/examples';

const shop = { role: 'shop' as const, id: 'demo-shop' };
const clerk = { role: 'clerk' as const, id: 'clerk:0123456789abcdef' };
const prepared = prepareClaim(filingExample, {
  policy: resolvePolicy('cdek'),
  calendar: getCalendar('RU'),
  shopId: 'demo-shop',
  today: '2025-06-16',
  at: '2025-06-16T09:00:00.000Z',
});
const filed = fileClaim(prepared, {
  id: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9',
  at: '2025-06-16T09:00:00.000Z',
  by: shop,
});
const inReview = transition(filed.claim, 'in_review', {
  at: '2025-06-17T08:00:00.000Z',
  by: clerk,
});
const decided = decide(
  inReview.claim,
  { decision: 'approved', reason: 'Loss confirmed by the carrier' },
  { at: '2025-06-18T10:00:00.000Z', by: clerk },
);
const paid = recordPayment(
  decided.claim,
  { amount: { amount: '8500.00', currency: 'RUB' }, paidOn: '2025-06-20', reference: 'PP-000123' },
  { at: '2025-06-20T12:00:00.000Z', by: clerk, today: '2025-06-20' },
);
const cancelled = transition(filed.claim, 'cancelled', {
  at: '2025-06-16T10:00:00.000Z',
  by: shop,
});

/** A claim as a listing shows it: its evidence counted, in the place of the entries. */
const listed = Object.fromEntries(
  Object.entries(filed.claim).map(([name, value]) =>
    name === 'evidence' ? ['evidenceCount', filed.claim.evidence.length] : [name, value],
  ),
);

/** Claims at each step, computed by the domain code, for the OpenAPI examples. */
export const claimExamples = {
  filed: filed.claim,
  inReview: inReview.claim,
  decided: decided.claim,
  paid: paid.claim,
  cancelled: cancelled.claim,
  listed,
  history: [filed.event, inReview.event, decided.event, paid.event],
};
