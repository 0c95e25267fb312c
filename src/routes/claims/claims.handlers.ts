import type { RouteHandler } from '@hono/zod-openapi';
import { addEvidence, transition } from '../../domain/claim';
import { decide, recordPayment } from '../../domain/claim/decision';
import { missingEvidence } from '../../domain/claim/filing';
import { resolvePolicy } from '../../domain/policies';
import type { HonoEnv } from '../../hono-env';
import { ProblemError } from '../../http/problem';
import type * as routes from './claims.routes';
import { applyChange, etagOf, fileForShop, loadVisible, timeOf } from './claims.service';

type Handler<R extends import('@hono/zod-openapi').RouteConfig> = RouteHandler<R, HonoEnv>;

export const fileClaimHandler: Handler<typeof routes.fileClaimRoute> = async (c) => {
  const { claim, replayed } = await fileForShop(c, c.req.valid('json'));
  c.header('location', `/v1/claims/${claim.id}`);
  c.header('etag', etagOf(claim));
  if (replayed) c.header('idempotent-replayed', 'true');
  return c.json(claim, 201);
};

export const getClaimHandler: Handler<typeof routes.getClaimRoute> = async (c) => {
  const claim = await loadVisible(c, c.req.valid('param').id);
  c.header('etag', etagOf(claim));
  return c.json(claim, 200);
};

export const historyHandler: Handler<typeof routes.historyRoute> = async (c) => {
  const claim = await loadVisible(c, c.req.valid('param').id);
  return c.json({ items: await c.get('deps').storage.claims.history(claim.id) }, 200);
};

export const listClaimsHandler: Handler<typeof routes.listClaimsRoute> = async (c) => {
  const { limit, cursor, overdue, shopId, ...filters } = c.req.valid('query');
  const principal = c.get('principal');
  if (principal.role === 'shop' && shopId !== undefined && shopId !== principal.shopId) {
    throw new ProblemError(
      'validation',
      'shopId is a clerk filter; a shop key lists its own claims.',
      {
        errors: [{ parameter: 'shopId', code: 'not_allowed', detail: 'is for clerk keys only' }],
      },
    );
  }
  const scope = principal.role === 'shop' ? principal.shopId : shopId;
  const page = await c.get('deps').storage.claims.list(
    {
      ...filters,
      ...(scope ? { shopId: scope } : {}),
      ...(overdue === 'true' ? { overdueAsOf: timeOf(c).today } : {}),
    },
    { limit, caller: principal.keyId, ...(cursor ? { cursor } : {}) },
  );
  return c.json(page, 200);
};

const answer = (
  c: Parameters<Handler<typeof routes.reviewRoute>>[0],
  claim: Parameters<typeof etagOf>[0],
) => {
  c.header('etag', etagOf(claim));
  return c.json(claim, 200);
};

export const reviewHandler: Handler<typeof routes.reviewRoute> = async (c) => {
  const note = c.req.valid('json')?.note;
  const claim = await applyChange(c, c.req.valid('param').id, (current, ctx) =>
    transition(current, 'in_review', { ...ctx, ...(note ? { note } : {}) }),
  );
  return answer(c, claim);
};

export const cancelHandler: Handler<typeof routes.cancelRoute> = async (c) => {
  const note = c.req.valid('json')?.note;
  const claim = await applyChange(c, c.req.valid('param').id, (current, ctx) =>
    transition(current, 'cancelled', { ...ctx, ...(note ? { note } : {}) }),
  );
  return c.json(claim, 200, { etag: etagOf(claim) });
};

export const evidenceHandler: Handler<typeof routes.evidenceRoute> = async (c) => {
  const { evidence } = c.req.valid('json');
  const claim = await applyChange(c, c.req.valid('param').id, (current, ctx) => {
    const added = evidence.map((e) => ({ ...e, addedAt: ctx.at }));
    const { compensation } = current;
    const awaited = 'missingEvidence' in compensation ? compensation.missingEvidence : [];
    const checklist = resolvePolicy(current.carrier).claims.evidence[current.type];
    const missing = missingEvidence(checklist, awaited, [...current.evidence, ...added]);
    const withEvidence = addEvidence(current, { evidence: added, missingEvidence: missing }, ctx);
    // A claim waiting for information goes back into review once the shop answers.
    if (current.status !== 'needs_info') return withEvidence;
    const note = 'evidence added';
    return [withEvidence, transition(withEvidence.claim, 'in_review', { ...ctx, note })];
  });
  return c.json(claim, 200, { etag: etagOf(claim) });
};

export const decisionHandler: Handler<typeof routes.decisionRoute> = async (c) => {
  const input = c.req.valid('json');
  const claim = await applyChange(c, c.req.valid('param').id, (current, ctx) =>
    decide(current, input, ctx),
  );
  return c.json(claim, 200, { etag: etagOf(claim) });
};

export const paymentHandler: Handler<typeof routes.paymentRoute> = async (c) => {
  const input = c.req.valid('json');
  const claim = await applyChange(c, c.req.valid('param').id, (current, ctx) =>
    recordPayment(current, input, ctx),
  );
  return c.json(claim, 200, { etag: etagOf(claim) });
};
