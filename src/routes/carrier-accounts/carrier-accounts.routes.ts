import { createRoute } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import {
  CarrierAccountSchema,
  CarrierCredentialsInputSchema,
} from '../../schemas/carrier-account.schema';
import { responseHeaders } from '../../schemas/headers.schema';
import { problem } from '../../schemas/problem.schema';
import { withNamedExamples } from '../../schemas/problem.examples';
import { apiKeyErrors, apiKeySecurity, describeRole, jsonBodyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { carrierAccountExamples } from './carrier-accounts.examples';

const tags = ['carrier accounts'];
const path = '/v1/carrier-accounts/cdek';
const ex = carrierAccountExamples;

export const putCdekAccountRoute = createRoute({
  method: 'put',
  path,
  operationId: 'putCdekAccount',
  tags,
  security: apiKeySecurity,
  middleware: [onlyRole('shop')],
  summary: 'Give the shop’s CDEK API credentials (shop key)',
  description: describeRole(
    'shop',
    'CDEK sends each webhook once and never again, so with the shop’s CDEK API credentials the service reads, once a day, every open shipment with a waybill that no carrier event reached for 24 hours (`GET /v2/orders?cdek_number=` of CDEK’s API) and records what the hooks missed. The credentials are checked first with CDEK’s OAuth (client credentials): refused, a 422 at `/clientSecret`; CDEK not answering, a 503 `carrier-unavailable` with `Retry-After`; either way nothing is stored. Kept encrypted with the operator’s secret and never shown again: answers show the client id masked. Sending new ones replaces them (and clears a refusal). Without the operator’s `CARRIER_SECRET` the service keeps none: a 503 `carrier-secret-unset`.',
  ),
  request: {
    body: jsonBody(
      CarrierCredentialsInputSchema.openapi({ example: ex.input }),
      'The CDEK client id and secret',
    ),
  },
  responses: {
    200: jsonResponse(CarrierAccountSchema, 'Replaced', ex.replaced),
    201: jsonResponse(CarrierAccountSchema, 'Kept', ex.account),
    ...jsonBodyErrors,
    422: withNamedExamples(
      problem(
        422,
        'A field is missing or breaks a rule, or `carrier-credentials-refused`: CDEK refused the credentials (at `/clientSecret`); nothing was stored',
      ),
      { refused: ex.refused },
    ),
    ...apiKeyErrors,
    503: withNamedExamples(
      problem(
        503,
        '`carrier-secret-unset`: the operator has not set CARRIER_SECRET; `carrier-unavailable`: CDEK did not answer (retry after `Retry-After`); or storage unavailable. Nothing was stored',
      ),
      { secretUnset: ex.secretUnset, unavailable: ex.unavailable },
    ),
  },
});

export const getCdekAccountRoute = createRoute({
  method: 'get',
  path,
  operationId: 'getCdekAccount',
  tags,
  security: apiKeySecurity,
  middleware: [onlyRole('shop')],
  summary: 'The shop’s CDEK account (shop key)',
  description: describeRole(
    'shop',
    'The client id masked (never the secret), when the reconciliation last went through the shop’s shipments (`reconciledOn`), and `refusedAt` when CDEK refused the credentials since: send new ones.',
  ),
  responses: {
    200: jsonResponse(CarrierAccountSchema, 'The account', ex.reconciled),
    404: problem(404, 'The shop has given no CDEK credentials'),
    ...apiKeyErrors,
  },
});

export const deleteCdekAccountRoute = createRoute({
  method: 'delete',
  path,
  operationId: 'deleteCdekAccount',
  tags,
  security: apiKeySecurity,
  middleware: [onlyRole('shop')],
  summary: 'Forget the shop’s CDEK credentials (shop key)',
  description: describeRole(
    'shop',
    'The credentials are deleted; the daily reconciliation stops reading the shop’s shipments from CDEK (hooks still work).',
  ),
  responses: {
    204: { description: 'Forgotten', headers: responseHeaders() },
    404: problem(404, 'The shop has given no CDEK credentials'),
    413: jsonBodyErrors[413],
    ...apiKeyErrors,
  },
});
