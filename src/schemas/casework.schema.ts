/** The clerk's casework on the API (issue 12): notes and status counts. */
import { z } from '@hono/zod-openapi';
import { CLAIM_STATUSES, type ClaimStatus } from '../domain/claim';
import { NOTE_MAX_LENGTH } from '../services/casework';
import { AsOfSchema } from './common.schema';

export const NoteInputSchema = z
  .object({
    text: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .max(NOTE_MAX_LENGTH, `must be at most ${NOTE_MAX_LENGTH} characters`),
  })
  .openapi('NoteInput', { example: { text: 'Called the carrier: the parcel is at the depot.' } });

export const ClaimNoteSchema = z
  .object({
    id: z.string().openapi({ example: '2025-06-16T09:05:00.000Z#001' }),
    claimId: z.string(),
    at: z.string().openapi({ example: '2025-06-16T09:05:00.000Z' }),
    author: z.object({ id: z.string(), name: z.string() }).openapi({
      description: 'The clerk key that wrote it (its id) and its display name',
    }),
    text: z.string(),
  })
  .openapi('ClaimNote', {
    description:
      'Internal: the desk’s own note, read by clerk keys only (a shop key is a 403) and never part of the claim, its history or a listing. What a clerk writes for the shop goes with a move (`note` in the history) or a decision (`reason`)',
  });

export const NoteListSchema = z.object({ items: z.array(ClaimNoteSchema) }).openapi('ClaimNotes');

/** An empty JSON object: "assign to me" names nobody else. */
export const AssignInputSchema = z.object({}).strict().openapi('AssignToMe', { example: {} });

const count = z.number().int().min(0);
/** One required count per status: the answer always lists every status, 0 included. */
const countPerStatus = Object.fromEntries(
  CLAIM_STATUSES.map((status) => [status, count]),
) as Record<ClaimStatus, typeof count>;

/** Counts of every status, as an answer shows them (the schema's and the route's example). */
export const STATUS_COUNTS_EXAMPLE = {
  submitted: 3,
  in_review: 2,
  approved: 0,
  partially_approved: 0,
  rejected: 1,
  needs_info: 0,
  paid: 4,
  cancelled: 1,
} as const;

export const StatusCountsSchema = z
  .object({
    counts: z.object(countPerStatus).openapi({
      description: 'Claims in each status (every status listed, 0 included)',
      example: STATUS_COUNTS_EXAMPLE,
    }),
    total: z.number().int().min(0),
    asOf: AsOfSchema,
  })
  .openapi('ClaimStatusCounts');

export const CountsQuerySchema = z.object({
  shopId: z.string().min(1).max(64).optional().openapi({ description: 'Clerk keys only' }),
});
