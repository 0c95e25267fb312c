/**
 * A destruction act as the API answers it: its records grouped by kind, and a clerk who
 * passed the shop's instruction on named by the clerk's reference (a shop never reads a
 * clerk's key id: src/services/clerk-view.ts).
 */
import { keyedReference } from '../../lib/reference';
import type {
  ErasureAnswer,
  ErasureDetailSchema,
  PersonalDataExport,
} from '../../schemas/personal-data.schema';
import { MessageIdSchema } from '../../schemas/message.schema';
import type { ClerkView } from '../../services/clerk-view';
import type { PersonalDataExport as FoundData } from '../../services/personal-data';
import { typedClaim } from '../claims/claim-answer';
import { CLERK_REFERENCE_PURPOSE, LOCAL_REFERENCE_SECRET } from '../../services/clerk-view';
import type { z } from '@hono/zod-openapi';
import type { ErasedRecord, ErasureStep, ErasureAct } from '../../domain/personal-data';

type Detail = z.output<typeof ErasureDetailSchema>;

/** The ids of the records of one kind. */
const idsOf = (records: readonly ErasedRecord[], kind: ErasedRecord['kind']) =>
  records.filter((r) => r.kind === kind).map((r) => r.id);

/**
 * A clerk's key id as a shop reads it.
 *
 * @example const clerkRef = clerkReferences(deps.referenceSecret); await clerkRef('k1') // 'clerk_9c1f…'
 */
export function clerkReferences(secret: string | undefined): (keyId: string) => Promise<string> {
  const referenceOf = keyedReference(secret ?? LOCAL_REFERENCE_SECRET, CLERK_REFERENCE_PURPOSE);
  return async (keyId) => `clerk_${await referenceOf(keyId)}`;
}

/**
 * The act as answered.
 *
 * @example c.json(await erasureAnswer(act, clerkRef), 201)
 */
export async function erasureAnswer(
  act: ErasureAct,
  clerkRef: (keyId: string) => Promise<string>,
): Promise<ErasureAnswer> {
  const { instruction, records, completedAt } = act;
  const by =
    instruction.kind === 'request' && instruction.role === 'clerk'
      ? { ...instruction, keyId: await clerkRef(instruction.keyId) }
      : instruction;
  return {
    id: act.id,
    shopId: act.shopId,
    subjectRef: act.subjectRef,
    categories: act.categories,
    records: {
      claims: idsOf(records, 'claim'),
      orders: idsOf(records, 'order'),
      messages: idsOf(records, 'message'),
      webhookEvents: idsOf(records, 'webhook_event'),
    },
    status: act.status,
    startedAt: act.startedAt,
    ...(completedAt === undefined ? {} : { completedAt }),
    method: act.method,
    instruction: by,
  };
}

/**
 * The act with its event-log extract, a clerk actor (`clerk:<keyId>`) named by reference.
 *
 * @example c.json(await erasureDetail(act, steps, clerkRef), 200)
 */
export async function erasureDetail(
  act: ErasureAct,
  steps: readonly ErasureStep[],
  clerkRef: (keyId: string) => Promise<string>,
): Promise<Detail> {
  const actor = (id: string) =>
    id.startsWith('clerk:') ? clerkRef(id.slice('clerk:'.length)) : Promise.resolve(id);
  const log = await Promise.all(
    steps.map(async ({ record, ...step }) => ({
      ...step,
      ...(record === undefined ? {} : { record }),
      actor: await actor(step.actor),
    })),
  );
  return { ...(await erasureAnswer(act, clerkRef)), log };
}

/**
 * What the shop holds about a person, as answered: each claim typed and seen through the
 * caller's view (a shop reads the clerks by reference), each order's customer, the messages
 * recorded sent.
 *
 * @example c.json(await exportAnswer(found, views(principal)), 200)
 */
export async function exportAnswer(found: FoundData, view: ClerkView): Promise<PersonalDataExport> {
  return {
    shopId: found.shopId,
    subjectRef: found.subjectRef,
    claims: await Promise.all(found.claims.map(async (c) => typedClaim(await view.claim(c)))),
    orders: found.orders.map(({ orderId, placedAt, customer, b2b }) => ({
      orderId,
      placedAt,
      customer,
      b2b,
    })),
    messages: found.messages.flatMap(({ claimId, messageId, sentAt }) => {
      const id = MessageIdSchema.safeParse(messageId);
      return id.success ? [{ claimId, messageId: id.data, sentAt }] : [];
    }),
  };
}
