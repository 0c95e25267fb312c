/**
 * PUT /v1/claims/{id}/cause: a clerk corrects a claim's cause, over the ETag it read, like
 * every move; the change is in the history (`cause_changed`) and moves the claim's analytics
 * counts from the old cause to the new in the same write.
 */
import { createRoute } from '@hono/zod-openapi';
import { claimChangedMeanwhile, staleClaim } from './claim-write-errors';
import { changeCause } from '../../domain/claim';
import { onlyRole } from '../../http/auth';
import {
  CauseChangeSchema,
  ClaimIdParamsSchema,
  ClaimSchema,
  IfMatchHeaderSchema,
} from '../../schemas/claim.schema';
import { problem } from '../../schemas/problem.schema';
import { describeRole, jsonBodyErrors, apiKeySecurity, apiKeyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { claimExamples } from './claims.examples';

const recaused = changeCause(claimExamples.inReview, 'warehouse', {
  at: '2025-06-17T09:00:00.000Z',
  by: { role: 'clerk', id: 'clerk:0123456789abcdef' },
});

export const causeRoute = createRoute({
  method: 'put',
  path: '/v1/claims/{id}/cause',
  operationId: 'setClaimCause',
  tags: ['claims'],
  security: apiKeySecurity,
  middleware: [onlyRole('clerk')],
  summary: 'Set the cause (clerk key)',
  description: describeRole(
    'clerk',
    'Corrects why the claim happened (`cause`), in any status: the history records the old and the new cause (`cause_changed`), and the analytics count the claim under the new one from then on. The same cause again changes nothing (no new version). Send the ETag you read as `If-Match`. A filing may name the cause; left out, a lost parcel gets `lost_in_transit`, a damaged one `damaged_in_transit`, a late one its shipment’s latest reschedule reason (filed from a shipment), else `courier_late`. Claims filed before causes existed have none and are not counted until a clerk gives them one.',
  ),
  request: {
    params: ClaimIdParamsSchema,
    headers: IfMatchHeaderSchema,
    body: jsonBody(CauseChangeSchema, 'The new cause, and why'),
  },
  responses: {
    200: jsonResponse(ClaimSchema, 'The claim with its cause', recaused?.claim, ['ETag']),
    ...jsonBodyErrors,
    404: problem(404, 'No such claim'),
    409: claimChangedMeanwhile,
    412: staleClaim,
    ...apiKeyErrors,
  },
});
