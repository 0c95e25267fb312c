import { z } from '@hono/zod-openapi';
import { FILE_NAME, MAX_FILE_BYTES, type EvidenceFile } from '../services/evidence-files';
import { EVIDENCE_FILE_TYPES } from '../services/file-types';
import { ACTOR_ID_DESCRIPTION } from './common.schema';

const ClaimIdSchema = z
  .string()
  .regex(/^clm_[0-9a-f]{32}$/, 'is not a claim id')
  .openapi({ example: 'clm_3f2b8c1d4e5f60718293a4b5c6d7e8f9' });

const EvidenceIdSchema = z
  .string()
  .regex(/^ev_[1-9]\d{0,5}$/, 'is not an evidence id (ev_1, ev_2, …)')
  .openapi({ example: 'ev_1' });

export const EvidenceFileParamsSchema = z.object({
  id: ClaimIdSchema.openapi({ param: { name: 'id', in: 'path' } }),
  evidenceId: EvidenceIdSchema.openapi({
    param: { name: 'evidenceId', in: 'path' },
    description: 'The evidence entry of the claim (`ev_1`, `ev_2`, … in the order added)',
  }),
});

export const UploadQuerySchema = z.object({
  fileName: z
    .string()
    .regex(FILE_NAME, 'must be 1–200 characters without / \\ or control characters')
    .optional()
    .openapi({
      param: { name: 'fileName', in: 'query' },
      example: 'receipt.pdf',
      description:
        'The original file name, kept with the file and used for its download (percent-encode it in the URL). Without it a download is named `<evidenceId>.<ext>`.',
    }),
});

const SHA256_EXAMPLE = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

export const EvidenceFileSchema = z
  .object({
    evidenceId: EvidenceIdSchema,
    contentType: z.enum(EVIDENCE_FILE_TYPES).openapi({ example: 'application/pdf' }),
    size: z.number().int().min(1).max(MAX_FILE_BYTES).openapi({ example: 48213 }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .openapi({ example: SHA256_EXAMPLE, description: 'SHA-256 of the bytes, lowercase hex' }),
    fileName: z.string().optional().openapi({ example: 'receipt.pdf' }),
    uploadedAt: z.string().openapi({ example: '2025-06-16T09:05:00.000Z' }),
    uploadedBy: z.string().openapi({
      example: 'demo-shop',
      description: `${ACTOR_ID_DESCRIPTION} (as in the history)`,
    }),
  })
  .openapi('EvidenceFile') satisfies z.ZodType<EvidenceFile>;

export const EvidenceFileListSchema = z
  .object({ items: z.array(EvidenceFileSchema) })
  .openapi('EvidenceFileList');

/** The answer to an upload, and a list entry, as the API shows them. */
export const evidenceFileExample: EvidenceFile = {
  evidenceId: 'ev_1',
  contentType: 'application/pdf',
  size: 48213,
  sha256: SHA256_EXAMPLE,
  fileName: 'receipt.pdf',
  uploadedAt: '2025-06-16T09:05:00.000Z',
  uploadedBy: 'demo-shop',
};

/** Bytes of a file, in any of the accepted types. */
export const fileBytesContent = Object.fromEntries(
  EVIDENCE_FILE_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]),
);
