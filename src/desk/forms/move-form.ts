/**
 * The clerk's moves as desk forms: which the status allows, and how a posted
 * form becomes the same `ClaimCommand` the API sends the claim service,
 * validated by the API's own schemas.
 */
import type { z } from '@hono/zod-openapi';
import { allowedMoves, type ClaimCommand, type ClaimStatus } from '../../domain/claim';
import type { CurrencyCode } from '../../domain/money';
import { DecisionSchema, NoteSchema, PaymentSchema } from '../../schemas/claim.schema';
import { PARSE_OPTIONS } from '../../http/field-issues';
import { fieldFor, schemaIssues, type FieldIssues } from './field-errors';
import { moneyFields } from './money-input';

/**
 * Each clerk move (a URL segment) and the status it moves the claim to.
 *
 * @example CLERK_MOVES['needs-info'] // 'needs_info'
 */
export const CLERK_MOVES = {
  review: 'in_review',
  'needs-info': 'needs_info',
  approve: 'approved',
  partial: 'partially_approved',
  reject: 'rejected',
  payment: 'paid',
} as const satisfies Record<string, ClaimStatus>;
export type ClerkMove = keyof typeof CLERK_MOVES;

/**
 * The fields of each move's form (besides the CSRF token and the version).
 *
 * @example MOVE_FIELDS.partial // ['amount', 'reason']
 */
export const MOVE_FIELDS: Readonly<Record<ClerkMove, readonly string[]>> = {
  review: ['note'],
  'needs-info': ['reason'],
  approve: ['reason'],
  partial: ['amount', 'reason'],
  reject: ['reason'],
  payment: ['amount', 'paidOn', 'reference'],
};

/**
 * @example asClerkMove('partial') // 'partial'
 */
export const asClerkMove = (value: string | undefined): ClerkMove | undefined =>
  value !== undefined && Object.hasOwn(CLERK_MOVES, value) ? (value as ClerkMove) : undefined;

/**
 * The forms to show for a status: the clerk's moves the status machine allows
 * (withdrawing is the shop's, so never here).
 *
 * @example clerkMoves('in_review') // ['approve', 'partial', 'reject', 'needs-info']
 */
export function clerkMoves(status: ClaimStatus): ClerkMove[] {
  const moves = Object.entries(CLERK_MOVES) as [ClerkMove, ClaimStatus][];
  return allowedMoves(status).flatMap((to) => moves.filter(([, s]) => s === to).map(([m]) => m));
}

/**
 * A posted move form that does not pass the API's schema; issues by form field.
 *
 * @example throw new MoveFormError({ amount: { code: 'required', params: {}, message: 'is required' } });
 */
export class MoveFormError extends Error {
  override readonly name = 'MoveFormError';
  constructor(readonly issues: FieldIssues) {
    super('the move form is not valid');
  }
}

/** The schema's answer, or every issue by field: the schema's, and an amount the desk could not read. */
function parsed<T>(
  result: z.ZodSafeParseResult<T>,
  fields: readonly string[],
  unread: FieldIssues,
): T {
  if (result.success && Object.keys(unread).length === 0) return result.data;
  const issues = result.success ? {} : schemaIssues(result.error, (path) => fieldFor(path, fields));
  throw new MoveFormError({ ...issues, ...unread });
}

const text = (form: Record<string, string>, name: string) => form[name]?.trim() || undefined;

/**
 * The command a posted form asks for, for a claim in `currency`.
 *
 * @throws {MoveFormError} when a field breaks the API's schema.
 * @example const command = moveCommand('partial', { amount: '1500.00', reason: 'Two of three items' }, 'RUB');
 */
export function moveCommand(
  move: ClerkMove,
  form: Record<string, string>,
  currency: CurrencyCode,
): ClaimCommand {
  const fields = MOVE_FIELDS[move];
  // An amount is read the desk's way first («1 234,50»), then checked by the API's schema.
  const { amounts, issues } = moneyFields(form, fields.includes('amount') ? ['amount'] : []);
  const amount = amounts.amount ?? '';
  if (move === 'review') {
    const { note } = parsed(
      NoteSchema.safeParse({ note: text(form, 'note') }, PARSE_OPTIONS),
      fields,
      issues,
    );
    return { type: 'review', note };
  }
  if (move === 'payment') {
    const body = {
      amount: { amount, currency },
      paidOn: form.paidOn ?? '',
      reference: form.reference ?? '',
    };
    const input = parsed(PaymentSchema.safeParse(body, PARSE_OPTIONS), fields, issues);
    return { type: 'pay', ...input };
  }
  const approvedAmount = move === 'partial' ? { amount, currency } : undefined;
  const body = { decision: CLERK_MOVES[move], reason: text(form, 'reason'), approvedAmount };
  const input = parsed(DecisionSchema.safeParse(body, PARSE_OPTIONS), fields, issues);
  return { type: 'decide', ...input };
}
