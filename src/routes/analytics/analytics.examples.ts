/**
 * The documented answer, computed by the real report builder from the day bucket of the
 * claims examples' paid claim.
 */
import { buildReport, claimCounters } from '../../domain/analytics';
import { claimExamples } from '../claims/claims.examples';

const { paid } = claimExamples;

export const analyticsExample = {
  ...buildReport([{ day: paid.createdAt.slice(0, 10), counters: claimCounters(paid) }], {
    from: '2025-06-01',
    to: '2025-06-30',
    groupBy: 'carrier',
    currency: 'RUB',
  }),
  asOf: paid.updatedAt,
};
