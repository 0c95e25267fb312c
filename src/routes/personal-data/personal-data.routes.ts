/**
 * The personal-data contracts (issue 25): erasure on the shop's instruction, the destruction
 * acts with their event-log extracts, and the access export. Shop keys only: the shop is the
 * operator of its customers' data (152-FZ), we process it on its instruction; the claims desk
 * passes a shop's instruction on through its own pages.
 */
import { createRoute } from '@hono/zod-openapi';
import { onlyRole } from '../../http/auth';
import { problem } from '../../schemas/problem.schema';
import {
  AccessQuerySchema,
  ErasureDetailSchema,
  ErasureIdParamsSchema,
  ErasureListQuerySchema,
  ErasureListSchema,
  ErasureRequestSchema,
  ErasureSchema,
  PersonalDataExportSchema,
} from '../../schemas/personal-data.schema';
import {
  apiKeyErrors,
  apiKeySecurity,
  describeRole,
  jsonBodyErrors,
  noBodyErrors,
} from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { erasureDetailExample, erasureExample, exportExample } from './personal-data.examples';

const tags = ['personal data'];
const security = apiKeySecurity;
const middleware = [onlyRole('shop')];

export const createErasureRoute = createRoute({
  method: 'post',
  path: '/v1/personal-data/erasures',
  operationId: 'createErasure',
  tags,
  security,
  middleware,
  summary: 'Erase a customer’s personal data on the shop’s instruction (shop key)',
  description: describeRole(
    'shop',
    'Name the person one way: `phone`, `email`, `claimId` or `orderId` (exactly one: none is a 422 `one_of`, two a 422 `not_both` naming the second). A claim or an order names its customer, then found by their phone and e-mail. Every claim (its history, notes, evidence names, remedies), order and customer message of that person in the shop is overwritten in place: names, phones, e-mails and the customer’s own words become tombstones (`[erased]`, `+00000000000`, `erased@erased.invalid`), the search keys and index entries are deleted, and the events `GET /v1/events` keeps that carried them are overwritten too; ids, dates, statuses and money stay, so analytics, claim counts and the carrier’s letter history still add up, and an erased claim can still be read, decided and paid (it carries `personalData.erasureId`). The answer is the destruction act (Roskomnadzor order No. 179 of 28.10.2022): the categories, whose (a pseudonymous reference), which records, when, how and on whose instruction; `Location` names it, with its event-log extract. A phone or an e-mail the shop holds nothing about is still a 201, with empty `records`: the act is the shop’s proof that the demand was checked and answered (152-FZ art. 21). A `claimId` or an `orderId` the shop does not have is a 404 (a mistyped id is not a person). Asking again for the same person finds nothing new, and completes an erasure interrupted half-way (the same act while it is `running`).',
  ),
  request: { body: jsonBody(ErasureRequestSchema, 'The person, named one way') },
  responses: {
    201: jsonResponse(
      ErasureSchema,
      'Erased; `Location` names the act (empty `records`: the shop holds nothing about the person)',
      erasureExample,
      ['Location'],
    ),
    404: problem(404, 'No claim with that `claimId`, or no order with that `orderId`, in the shop'),
    ...jsonBodyErrors,
    ...apiKeyErrors,
  },
});

export const listErasuresRoute = createRoute({
  method: 'get',
  path: '/v1/personal-data/erasures',
  operationId: 'listErasures',
  tags,
  security,
  middleware,
  summary: 'The shop’s destruction acts, newest first (shop key)',
  description: describeRole(
    'shop',
    'Every erasure of the shop, asked for or done by its retention period, newest first. Follow `nextCursor` until it is absent.',
  ),
  request: { query: ErasureListQuerySchema },
  responses: {
    200: jsonResponse(ErasureListSchema, 'A page of acts', { items: [erasureExample] }),
    422: problem(422, '`limit` out of 1–100, or a cursor not this listing’s'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const getErasureRoute = createRoute({
  method: 'get',
  path: '/v1/personal-data/erasures/{id}',
  operationId: 'getErasure',
  tags,
  security,
  middleware,
  summary: 'A destruction act with its event-log extract (shop key)',
  description: describeRole(
    'shop',
    'The act and the extract of the system’s event log that evidence a destruction of personal data (Roskomnadzor order No. 179 of 28.10.2022): one line per step, in time order. The claims desk prints the same act (`/desk/personal-data/erasures/{id}`).',
  ),
  request: { params: ErasureIdParamsSchema },
  responses: {
    200: jsonResponse(ErasureDetailSchema, 'The act and its extract', erasureDetailExample),
    404: problem(404, 'No such act in the shop (another shop’s is not revealed)'),
    422: problem(422, 'Not an act id (`pde_…`)'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});

export const exportPersonalDataRoute = createRoute({
  method: 'get',
  path: '/v1/personal-data',
  operationId: 'exportPersonalData',
  tags,
  security,
  middleware,
  summary: 'Everything the shop holds about a person (shop key)',
  description: describeRole(
    'shop',
    'For a data subject’s access request (152-FZ art. 14): every claim (with its claimant and the customer’s description), every order’s customer and every customer message the shop holds about the person with this `phone` or `email` (exactly one: a 422 `one_of` or `not_both` otherwise). Nothing held: empty lists. Sent with `Cache-Control: no-store`, as every keyed answer.',
  ),
  request: { query: AccessQuerySchema },
  responses: {
    200: jsonResponse(PersonalDataExportSchema, 'What the shop holds', exportExample),
    422: problem(422, 'Neither or both of `phone` and `email`, or one that is not valid'),
    ...noBodyErrors,
    ...apiKeyErrors,
  },
});
