/** Contracts of the clerk's casework on a claim: assign to me, notes, counts. */
import { createRoute } from '@hono/zod-openapi';
import { claimChangedMeanwhile, staleClaim } from './claim-write-errors';
import { onlyRole } from '../../http/auth';
import { ClaimIdParamsSchema, ClaimSchema, IfMatchHeaderSchema } from '../../schemas/claim.schema';
import { withExamples } from '../../schemas/problem.examples';
import { conflictProblem, problem } from '../../schemas/problem.schema';
import {
  AssignInputSchema,
  ClaimNoteSchema,
  CountsQuerySchema,
  NoteInputSchema,
  NoteListSchema,
  STATUS_COUNTS_EXAMPLE,
  StatusCountsSchema,
} from '../../schemas/casework.schema';
import { describeRole, jsonBodyErrors, apiKeySecurity, apiKeyErrors } from '../api-key-contract';
import { jsonBody, jsonResponse } from '../router';
import { claimExamples } from './claims.examples';

const tags = ['claims'];
const security = apiKeySecurity;
const notFound = {
  404: problem(404, 'No such claim'),
  422: problem(422, 'Bad id, or a field breaks a rule (`errors` names it)'),
} as const;
const moveErrors = { 409: claimChangedMeanwhile, 412: staleClaim } as const;
/** A shop key on a clerk's operation. */
const clerkOnly = { 403: withExamples(apiKeyErrors[403], 'clerkOnly') } as const;
const note = {
  id: '2025-06-16T09:05:00.000Z#001',
  claimId: claimExamples.filed.id,
  at: '2025-06-16T09:05:00.000Z',
  author: { id: '5df5de489cf18998', name: 'Ольга Смирнова' },
  text: 'Called the carrier: the parcel is at the depot.',
};
const assigned = {
  ...claimExamples.filed,
  assignee: { id: '5df5de489cf18998', name: 'Ольга Смирнова' },
  version: claimExamples.filed.version + 1,
};

const assignment = (method: 'post' | 'delete', operationId: string, summary: string) =>
  createRoute({
    method,
    path: '/v1/claims/{id}/assignee',
    operationId,
    tags,
    security,
    middleware: [onlyRole('clerk')],
    summary,
    description: describeRole(
      'clerk',
      `${method === 'post' ? 'Assigns the claim to the calling clerk key (its display name with it), taking it over from another clerk. Body: `{}`.' : 'Removes the assignee. No body.'} Recorded in the history (\`assigned\` / \`unassigned\`) and conditioned like a move: send the ETag you read as \`If-Match\`. Repeating it changes nothing. While assigned, the claim carries \`assignee: {id, name}\` in every answer about it; a shop key reads, wherever a clerk is named, \`clerk_\` and 16 hex digits (the same for the same clerk everywhere, naming no key) and the name \`a clerk\`.`,
    ),
    request: {
      params: ClaimIdParamsSchema,
      headers: IfMatchHeaderSchema,
      ...(method === 'post'
        ? { body: { ...jsonBody(AssignInputSchema, 'Nothing: `{}`'), required: false } }
        : {}),
    },
    responses: {
      200: jsonResponse(
        ClaimSchema,
        'The claim',
        method === 'post' ? assigned : claimExamples.filed,
        ['ETag'],
      ),
      ...jsonBodyErrors,
      ...moveErrors,
      ...apiKeyErrors,
      ...clerkOnly,
      ...notFound,
    },
  });

export const assignRoute = assignment('post', 'assignClaimToMe', 'Assign to me (clerk key)');
export const unassignRoute = assignment('delete', 'unassignClaim', 'Unassign (clerk key)');

export const addNoteRoute = createRoute({
  method: 'post',
  path: '/v1/claims/{id}/notes',
  operationId: 'addClaimNote',
  tags,
  security,
  middleware: [onlyRole('clerk')],
  summary: 'Add an internal note (clerk key)',
  description: describeRole(
    'clerk',
    'A note for the claims desk only, apart from the status moves: a shop never sees it (not in the claim, not in its history). 1 to 2000 characters. Written once; the claim’s version does not change.',
  ),
  request: { params: ClaimIdParamsSchema, body: jsonBody(NoteInputSchema, 'The note') },
  responses: {
    201: jsonResponse(ClaimNoteSchema, 'The note as stored', note),
    ...jsonBodyErrors,
    ...apiKeyErrors,
    ...clerkOnly,
    ...notFound,
    422: withExamples(notFound[422], 'blankNote'),
    // Notes at one instant are numbered; so many at once that none is free is a `conflict`.
    409: conflictProblem(
      'So many notes were added to the claim at the same instant that this one found no free number (`conflict`); nothing was written, send it again',
      'conflict',
    ),
  },
});

export const listNotesRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/notes',
  operationId: 'listClaimNotes',
  tags,
  security,
  middleware: [onlyRole('clerk')],
  summary: 'The internal notes, oldest first (clerk key)',
  description: describeRole('clerk', 'A shop key is a 403: notes are the desk’s own.'),
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(NoteListSchema, 'The notes', { items: [note] }),
    ...apiKeyErrors,
    ...clerkOnly,
    ...notFound,
  },
});

export const countsRoute = createRoute({
  method: 'get',
  path: '/v1/claim-counts',
  operationId: 'countClaimsByStatus',
  tags,
  security,
  summary: 'How many claims are in each status',
  description: describeRole(
    'both',
    'A shop counts its own claims; a clerk every shop’s (or one shop’s with `shopId`). Served from counters, so this is one read however many claims there are. The counters are kept off the request path and may lag a change by seconds: `asOf` says when they were last brought up to date. Every status is listed, 0 included. A shop key naming a `shopId` is a 422 `not_allowed`.',
  ),
  request: { query: CountsQuerySchema },
  responses: {
    200: jsonResponse(StatusCountsSchema, 'The counts', {
      counts: STATUS_COUNTS_EXAMPLE,
      total: 11,
      asOf: '2025-06-16T09:05:03.120Z',
    }),
    422: withExamples(problem(422, 'A query parameter breaks a rule'), 'countsOfAnotherShop'),
    ...apiKeyErrors,
  },
});
