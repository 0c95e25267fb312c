import { createRoute } from '@hono/zod-openapi';
import {
  EvidenceFileListSchema,
  EvidenceFileParamsSchema,
  EvidenceFileSchema,
  evidenceFileExample,
  fileBytesContent,
  UploadQuerySchema,
} from '../../schemas/evidence-file.schema';
import { ClaimIdParamsSchema } from '../../schemas/claim.schema';
import { withExamples } from '../../schemas/problem.examples';
import { conflictProblem, problem, rateLimitedResponse } from '../../schemas/problem.schema';
import { responseHeaders } from '../../schemas/headers.schema';
import { jsonResponse } from '../router';

const tags = ['claims'];
const security = [{ apiKey: [] }];
const WHO =
  'Who may call: a **shop** key (its own claims) or a **clerk** key (every shop’s).' as const;

const errors = {
  401: problem(401, 'No, unknown or revoked API key'),
  422: problem(422, 'A path or query parameter breaks a rule'),
  429: rateLimitedResponse('with this API key'),
  503: problem(
    503,
    'Claim or file storage unavailable, or claim storage busy (`storage-busy`: nothing was written); retry after `Retry-After` seconds',
  ),
  500: problem(500, 'Unexpected failure; quote `instance` to support'),
} as const;

/** Headers of a stored file, as the upload and the download send them. */
const fileHeaders = {
  ETag: {
    description: 'The file’s SHA-256 (hex), quoted: a strong tag of its bytes.',
    schema: { type: 'string', pattern: '^"[0-9a-f]{64}"$' },
  },
  'Repr-Digest': {
    description: 'RFC 9530: the SHA-256 of the bytes, base64, as `sha-256=:…:`.',
    schema: { type: 'string', example: 'sha-256=:uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=:' },
  },
} as const;

export const uploadFileRoute = createRoute({
  method: 'put',
  path: '/v1/claims/{id}/evidence/{evidenceId}/file',
  operationId: 'uploadEvidenceFile',
  tags,
  security,
  summary: 'Upload the file of an evidence entry',
  description: `${WHO} The body is the file itself (not JSON, not multipart), sent with its own \`Content-Type\`: PDF, JPEG, PNG, WebP or HEIC/HEIF, at most 10 MB (counted as it streams when there is no \`Content-Length\`). The bytes must be what the type says (their magic number), else 422. The SHA-256 is computed and kept. A file is immutable: an entry that has one answers a second upload with 409 \`file-exists\`; add a new evidence entry for another file.`,
  request: {
    params: EvidenceFileParamsSchema,
    query: UploadQuerySchema,
    body: { required: true, description: 'The file’s bytes', content: fileBytesContent },
  },
  responses: {
    201: {
      description: 'Stored; `Location` is its download',
      headers: {
        ...responseHeaders(),
        ...fileHeaders,
        Location: {
          description: 'The file: `/v1/claims/{id}/evidence/{evidenceId}/file`.',
          schema: {
            type: 'string',
            example: '/v1/claims/clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9/evidence/ev_1/file',
          },
        },
      },
      content: { 'application/json': { schema: EvidenceFileSchema, example: evidenceFileExample } },
    },
    ...errors,
    404: problem(404, 'No such claim (or another shop’s), or no such evidence entry on it'),
    409: withExamples(
      conflictProblem('The evidence entry already has its file (`file-exists`)', 'fileExists'),
      'fileExists',
    ),
    413: problem(413, 'The file is larger than 10 MB (`file-too-large`)'),
    415: problem(415, 'The `Content-Type` is not one of the accepted file types'),
    422: withExamples(
      problem(
        422,
        'A parameter breaks a rule, or the bytes are not of the type sent (`file-type-mismatch`)',
      ),
      'fileTypeMismatch',
    ),
  },
});

export const downloadFileRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/evidence/{evidenceId}/file',
  operationId: 'downloadEvidenceFile',
  tags,
  security,
  summary: 'Download the file of an evidence entry',
  description: `${WHO} The bytes as uploaded, with their type, as an attachment (never shown inline), with their SHA-256 as \`ETag\` and \`Repr-Digest\`.`,
  request: { params: EvidenceFileParamsSchema },
  responses: {
    200: {
      description: 'The file',
      headers: {
        ...responseHeaders(),
        ...fileHeaders,
        'Content-Disposition': {
          description: 'Always `attachment`, with the file name (`filename*`: UTF-8).',
          schema: {
            type: 'string',
            example: `attachment; filename="receipt.pdf"; filename*=UTF-8''receipt.pdf`,
          },
        },
        'Cache-Control': {
          description: 'Claims’ files carry personal data: never stored by a cache.',
          schema: { type: 'string', const: 'private, no-store' },
        },
        'X-Content-Type-Options': {
          description: 'Browsers must not guess another type.',
          schema: { type: 'string', const: 'nosniff' },
        },
      },
      content: fileBytesContent,
    },
    ...errors,
    404: problem(
      404,
      'No such claim (or another shop’s), no such evidence entry, or no file for it (`file-not-found`)',
    ),
  },
});

export const listFilesRoute = createRoute({
  method: 'get',
  path: '/v1/claims/{id}/files',
  operationId: 'listEvidenceFiles',
  tags,
  security,
  summary: 'The files of a claim’s evidence',
  description: `${WHO} Which evidence entries have a file, with each file’s type, size and SHA-256, in evidence order.`,
  request: { params: ClaimIdParamsSchema },
  responses: {
    200: jsonResponse(EvidenceFileListSchema, 'The stored files', {
      items: [evidenceFileExample],
    }),
    ...errors,
    404: problem(404, 'No such claim (or not yours: another shop’s claim is not revealed)'),
  },
});
