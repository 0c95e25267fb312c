/** The examples of the carrier-account operations: answers the API gives (ids made the document's own). */
import { problemBody } from '../../schemas/problem-status.examples';
import type { CarrierAccountView } from '../../services/carrier-accounts';

const problem = problemBody;

const account: CarrierAccountView = {
  carrier: 'cdek',
  clientId: 'EMsc…eI',
  updatedAt: '2026-03-06T09:00:00.000Z',
};

const refusedDetail =
  'CDEK refused these credentials: its OAuth token request (client_credentials) did not accept the client id and secret. Check them in your CDEK account (Integration → API keys).';

export const carrierAccountExamples = {
  input: {
    clientId: 'EMscd6r9JnFiQ3bLoyjJY6eM78JrJceI',
    clientSecret: 'PjLZkKBHEiLK3YsjtNrt3TGNG0ahs3kG',
  },
  account,
  replaced: { ...account, updatedAt: '2026-03-09T10:00:00.000Z', reconciledOn: '2026-03-09' },
  reconciled: { ...account, reconciledOn: '2026-03-09' },
  refused: {
    summary: 'CDEK refused the credentials',
    value: problem('carrierCredentialsRefused', refusedDetail, {
      errors: [{ pointer: '/clientSecret', code: 'invalid_input', detail: refusedDetail }],
    }),
  },
  secretUnset: {
    summary: 'The operator has not set CARRIER_SECRET',
    value: problem(
      'carrierSecretUnset',
      'Carrier credentials are kept encrypted with the Worker secret CARRIER_SECRET, which the operator has not set; nothing was stored.',
    ),
  },
  unavailable: {
    summary: 'CDEK did not answer',
    value: problem(
      'carrierUnavailable',
      "CDEK's API did not answer, so the credentials could not be checked; nothing was stored. Retry after Retry-After.",
    ),
  },
};
