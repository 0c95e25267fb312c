/**
 * CDEK (API v2): its webhook payloads and order statuses read into our notices, its codes,
 * its API client for the daily reconciliation, and the sandbox's stand-in payloads. Nothing
 * outside src/carriers knows CDEK's payloads or codes.
 */
export {
  CDEK_STATUS_CODES,
  cdekCodeSpellings,
  readCdekCode,
  type CdekCodeEntry,
  type CdekCodeReading,
  type CdekStatusCode,
} from './codes';
export { CDEK_PROBLEM_CODES, readCdekProblem, type CdekProblemEntry } from './problems';
export { cdekEventId, cdekTime, readCdekInstant, type CdekInstant } from './instant';
export { readCdekWebhook, type CdekReading } from './webhook';
export { sandboxWebhook, type SandboxEventInput } from './sandbox';
