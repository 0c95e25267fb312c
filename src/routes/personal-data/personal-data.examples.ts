/**
 * The personal-data operations' examples: one act, as the example claim's customer's erasure
 * on her shop's request answers it, its event-log extract, and an access export.
 */
import type {
  ErasureAnswer,
  ErasureDetailSchema,
  PersonalDataExport,
} from '../../schemas/personal-data.schema';
import type { z } from '@hono/zod-openapi';
import { typedClaim } from '../claims/claim-answer';
import { claimExamples } from '../claims/claims.examples';

const claimId = claimExamples.filed.id;
const id = 'pde_5c0e6a1f2b3d4e5f60718293a4b5c6d7';

/** The act of a finished erasure. */
export const erasureExample: ErasureAnswer = {
  id,
  shopId: claimExamples.filed.shopId,
  subjectRef: 'ps_7d41c2a9e0b3f586',
  categories: ['name', 'phone', 'email', 'customer_text'],
  records: {
    claims: [claimId],
    orders: ['O-1001'],
    messages: [`${claimId}/ack`],
    webhookEvents: [`evt_${claimId}_1`],
  },
  status: 'completed',
  startedAt: '2025-06-20T10:00:00.000Z',
  completedAt: '2025-06-20T10:00:00.412Z',
  method: 'overwritten in place with tombstones; index entries deleted',
  instruction: { kind: 'request', role: 'shop', keyId: 'pca_k1' },
};

const step = (ms: number) => `2025-06-20T10:00:00.${String(ms).padStart(3, '0')}Z`;
const actor = 'key:pca_k1';

/** The act with its event-log extract. */
export const erasureDetailExample: z.output<typeof ErasureDetailSchema> = {
  ...erasureExample,
  log: [
    { at: step(0), action: 'erasure_started', actor },
    { at: step(118), action: 'overwritten', record: { kind: 'claim', id: claimId }, actor },
    {
      at: step(118),
      action: 'index_entries_deleted',
      record: { kind: 'claim', id: claimId },
      actor,
    },
    {
      at: step(240),
      action: 'webhook_event_overwritten',
      record: { kind: 'webhook_event', id: `evt_${claimId}_1` },
      actor,
    },
    { at: step(377), action: 'overwritten', record: { kind: 'order', id: 'O-1001' }, actor },
    { at: step(412), action: 'erasure_completed', actor },
  ],
};

/** What the shop holds about the example claim's customer. */
export const exportExample: PersonalDataExport = {
  shopId: claimExamples.filed.shopId,
  subjectRef: erasureExample.subjectRef,
  claims: [typedClaim(claimExamples.filed)],
  orders: [
    {
      orderId: 'O-1001',
      placedAt: '2025-06-01T12:00:00+03:00',
      customer: claimExamples.filed.claimant,
      b2b: false,
    },
  ],
  messages: [{ claimId, messageId: 'ack', sentAt: '2025-06-16T09:30:00.000Z' }],
};
