import { createRoute } from '@hono/zod-openapi';
import { readCdekWebhook, sandboxWebhook } from '../../carriers/cdek';
import { onlyRole, onlyTestKey } from '../../http/auth';
import { problem } from '../../schemas/problem.schema';
import { SandboxEventInputSchema, SandboxEventResultSchema } from '../../schemas/sandbox.schema';
import { withColonOffset } from '../../services/sandbox';
import { apiKeyErrors, apiKeySecurity, describeRole, jsonBodyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';

const input = { waybill: '1106207236', code: 'DELIVERED', at: '2026-03-06T14:05:00+0300' };
/** The answer to the example, computed by the code that answers it. */
const payload = sandboxWebhook({ ...input, at: withColonOffset(input.at) });
const reading = readCdekWebhook(payload, { source: 'sandbox' });
const eventId = reading.kind === 'notices' ? (reading.notices[0]?.event.eventId ?? '') : '';

export const sandboxCarrierEventRoute = createRoute({
  method: 'post',
  path: '/v1/test/carrier-events',
  operationId: 'sendSandboxCarrierEvent',
  tags: ['sandbox'],
  security: apiKeySecurity,
  middleware: [onlyRole('shop'), onlyTestKey()],
  summary: 'Play the carrier: send a CDEK event to a test shipment (test key)',
  description: describeRole(
    'shop',
    'Test keys only (`pct_test_…`, made with `npm run keys -- create --test --shop <id>`; a live key is a 403 `test-key-required`). A test key works in its shop’s sandbox, `<shop>~test`: its orders, shipments and claims are apart from the live shop’s, and the answers name that shop. This writes the event as the ORDER_STATUS webhook CDEK would send and records it by the same path as a real hook (source `sandbox`): matched by waybill, else by `orderNumber`; kept when no shipment has either yet; the same event twice is recorded once. Drive a parcel from `CREATED` to `DELIVERED` a few days late and watch the shipment, `GET /v1/shipments/late` and a claim filed from it react. The answer shows what each notice did and the payload CDEK would have sent.',
  ),
  request: {
    body: jsonBody(SandboxEventInputSchema.openapi({ example: input }), 'The CDEK event'),
  },
  responses: {
    200: jsonResponse(SandboxEventResultSchema, 'Recorded (or kept, or known already)', {
      results: [{ eventId, outcome: 'applied', shipmentId: 'S-1001-1' }],
      payload,
    }),
    ...jsonBodyErrors,
    ...apiKeyErrors,
    403: problem(403, 'A live key (`test-key-required`), or a clerk key'),
  },
});
