/**
 * The claims API: headers become options (If-Match → expectedVersion,
 * Idempotency-Key), the claim service does the work, the answer is the claim
 * with its ETag. Errors go to the one error handler.
 */
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Claim, ClaimCommand } from '../../domain/claim';
import type { HonoEnv } from '../../hono-env';
import { versionPrecondition } from '../../http/if-match';
import { typedClaim, typedPage } from './claim-answer';
import type * as routes from './claims.routes';

type Handler<R extends RouteConfig> = RouteHandler<R, HonoEnv>;

/** The ETag of a claim version. */
export const etagOf = (claim: Claim) => `"${claim.version}"`;

export const fileClaimHandler: Handler<typeof routes.fileClaimRoute> = async (c) => {
  const key = c.req.header('idempotency-key');
  const { claim, replayed } = await c.var.services.claims.file(
    c.var.principal,
    c.req.valid('json'),
    { idempotencyKey: key || undefined },
  );
  c.header('location', `/v1/claims/${claim.id}`);
  c.header('etag', etagOf(claim));
  if (replayed) c.header('idempotent-replayed', 'true');
  return c.json(typedClaim(claim), 201);
};

export const getClaimHandler: Handler<typeof routes.getClaimRoute> = async (c) => {
  // Both sides: the claim (what the carrier owes) with its customer's remedies.
  const claim = await c.var.services.remedies.withCustomer(
    c.var.principal,
    c.req.valid('param').id,
  );
  c.header('etag', etagOf(claim));
  return c.json(typedClaim(claim), 200);
};

export const historyHandler: Handler<typeof routes.historyRoute> = async (c) => {
  const id = c.req.valid('param').id;
  return c.json({ items: await c.var.services.claims.history(c.var.principal, id) }, 200);
};

export const listClaimsHandler: Handler<typeof routes.listClaimsRoute> = async (c) => {
  const { overdue, unacknowledged, q, in: where, assignee, ...rest } = c.req.valid('query');
  const { principal, services } = c.var;
  const assigneeId = assignee === 'me' ? principal.keyId : assignee;
  const query = {
    ...rest,
    overdue: overdue === 'true',
    unacknowledged: unacknowledged === 'true',
    ...(assigneeId ? { assigneeId } : {}),
  };
  const page =
    q === undefined
      ? await services.claims.list(principal, query)
      : await services.casework.search(principal, { ...query, q, in: where });
  return c.json(typedPage(page), 200);
};

/** A move: the command from the body, the expected version from If-Match, the claim with its ETag. */
export async function moveAnswer(c: Context<HonoEnv>, id: string, command: ClaimCommand) {
  const expectedVersion = versionPrecondition(c.req.header('if-match'));
  const claim = await c.var.services.claims.move(c.var.principal, id, command, {
    expectedVersion,
  });
  return { claim: typedClaim(claim), headers: { etag: etagOf(claim) } };
}

export const reviewHandler: Handler<typeof routes.reviewRoute> = async (c) => {
  const command = { type: 'review', note: c.req.valid('json')?.note } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};

export const cancelHandler: Handler<typeof routes.cancelRoute> = async (c) => {
  const command = { type: 'cancel', note: c.req.valid('json')?.note } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};

export const evidenceHandler: Handler<typeof routes.evidenceRoute> = async (c) => {
  const command = { type: 'addEvidence', ...c.req.valid('json') } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};

export const decisionHandler: Handler<typeof routes.decisionRoute> = async (c) => {
  const command = { type: 'decide', ...c.req.valid('json') } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};

export const paymentHandler: Handler<typeof routes.paymentRoute> = async (c) => {
  const command = { type: 'pay', ...c.req.valid('json') } as const;
  const { claim, headers } = await moveAnswer(c, c.req.valid('param').id, command);
  return c.json(claim, 200, headers);
};

export const messagesHandler: Handler<typeof routes.messagesRoute> = async (c) => {
  const id = c.req.valid('param').id;
  const { lang } = c.req.valid('query');
  return c.json({ items: await c.var.services.messages.forClaim(c.var.principal, id, lang) }, 200);
};

export const messageSentHandler: Handler<typeof routes.messageSentRoute> = async (c) => {
  const { id, messageId } = c.req.valid('param');
  const { lang } = c.req.valid('query');
  const { messages } = c.var.services;
  return c.json(await messages.markSent(c.var.principal, id, messageId, lang), 200);
};
