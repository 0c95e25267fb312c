/**
 * The contract parts every operation behind an API key (all but the open calculators)
 * shares: its security, the errors of authentication and of a JSON body, and the sentence
 * saying which role may call it.
 */
import { problem, rateLimitedResponse } from '../schemas/problem.schema';

/** @example createRoute({ …, security: apiKeySecurity }) */
export const apiKeySecurity = [{ apiKey: [] }];

/**
 * What any call with an API key may answer besides its own outcomes.
 *
 * @example responses: { 200: …, ...apiKeyErrors }
 */
export const apiKeyErrors = {
  401: problem(401, 'No, unknown or revoked API key'),
  403: problem(403, 'The key’s role may not do this'),
  429: rateLimitedResponse('with this API key'),
  503: problem(
    503,
    'Storage unavailable, or busy (`storage-busy`: it refused the work for now, throttled or contended, and nothing was written); retry after `Retry-After` seconds',
  ),
  500: problem(500, 'Unexpected failure; quote `instance` to support'),
} as const;

/**
 * What a call with a JSON body may answer about the body.
 *
 * @example responses: { 201: …, ...jsonBodyErrors, ...apiKeyErrors }
 */
export const jsonBodyErrors = {
  400: problem(400, 'The body is not valid JSON'),
  413: problem(413, 'The body is larger than the limit'),
  415: problem(415, 'The body is not application/json'),
  422: problem(
    422,
    'A field is missing or breaks a rule; `errors` names each one. `record-too-large`: what the request would store is larger than storage takes in one record; nothing was written',
  ),
} as const;

/**
 * What an operation that takes no body answers when one is sent all the same: every
 * request is held to the body rules before its route (src/http/body-guard.ts).
 */
export const noBodyErrors = {
  413: problem(413, 'It takes no body; one sent all the same is held to the size limit'),
  415: problem(415, 'It takes no body; one sent all the same must be application/json'),
} as const;

/** Which key may call an operation, as its description says it. */
const ROLES = {
  shop: 'Who may call: a **shop** key (its own claims).',
  clerk: 'Who may call: a **clerk** key.',
  both: 'Who may call: a **shop** key (its own claims) or a **clerk** key (every shop’s).',
} as const;

/** @example describeRole('shop', 'Files a claim.') // 'Who may call: a **shop** key (its own claims). Files a claim.' */
export const describeRole = (role: keyof typeof ROLES, text?: string) =>
  text ? `${ROLES[role]} ${text}` : ROLES[role];
