/**
 * Evidence files: the bytes behind an evidence entry of a claim (`ev_1`, …),
 * kept in an R2 bucket, one object per entry, shared by the API and the
 * desk. The object is the whole record of the file: its key names the claim
 * and the entry, its HTTP metadata the type and download name, its custom
 * metadata the SHA-256, size, original name, time and uploader. Claim storage
 * is not touched; the claim service decides who may see the claim and says
 * which entries it has.
 *
 * A file is immutable: a second upload for the same entry is refused
 * (`file-exists`), so what a clerk decided on is what stays on record.
 * It knows no HTTP: it throws `EvidenceFileError` with a stable code (a `CodedError`,
 * answered from the API's one table).
 */
import type { ClaimEvidence } from '../domain/claim';
import { CodedError } from '../domain/errors';
import { actorOf, type Principal } from './actor';
import type { ClaimService } from './claims';
import {
  asEvidenceFileType,
  bytesMatchType,
  EXTENSION_OF,
  sniffFileType,
  type EvidenceFileType,
} from './file-types';

/** Largest evidence file, bytes (10 MiB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * The R2 binding's calls the service makes (an `R2Bucket` is one). `include`
 * is typed here: the runtime (compatibility date 2022-08-04 on) lists
 * metadata only when asked, the default workers-types predate the option.
 */
export interface EvidenceBucket extends Pick<R2Bucket, 'head' | 'get' | 'put'> {
  list(
    options: R2ListOptions & { include?: ('httpMetadata' | 'customMetadata')[] },
  ): Promise<R2Objects>;
}

export type EvidenceFileErrorCode =
  | 'evidence-not-found'
  | 'file-not-found'
  | 'file-exists'
  | 'file-type-unsupported'
  | 'file-type-mismatch'
  | 'file-too-large'
  | 'file-storage-off';

/** Seconds to wait before asking again for files from a bucket that is not bound. */
const FILE_STORAGE_RETRY_SECONDS = 60;

/** Why an evidence file call was refused; `code` is stable. */
export class EvidenceFileError extends CodedError {
  override readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: EvidenceFileErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EvidenceFileError';
    // Only the bucket's absence passes; every other refusal stays until the request changes.
    this.retryAfterSeconds = code === 'file-storage-off' ? FILE_STORAGE_RETRY_SECONDS : undefined;
  }
}

/** What is on record about one stored file. */
export interface EvidenceFile {
  evidenceId: string;
  contentType: EvidenceFileType;
  /** Bytes. */
  size: number;
  /** Lowercase hex SHA-256 of the bytes. */
  sha256: string;
  /** The name it was uploaded with, if any. */
  fileName?: string;
  uploadedAt: string;
  /** `shop:<id>` is written as the shop id; a clerk as `clerk:<keyId>` (as in claim history). */
  uploadedBy: string;
}

/** A stored file and its bytes, streamed. */
export interface OpenedFile {
  file: EvidenceFile;
  /** The name a download is saved under: the uploaded one, else `<evidenceId>.<ext>`. */
  downloadName: string;
  body: ReadableStream<Uint8Array>;
}

/** An upload: the declared type, the optional name, and the bytes, read only once the checks pass. */
export interface Upload {
  contentType: string | undefined;
  fileName?: string | undefined;
  /** @throws {EvidenceFileError} `file-too-large`, when the bytes pass `MAX_FILE_BYTES`. */
  read: () => Promise<Uint8Array>;
}

/** A file name as kept: 1–200 characters, no path, no control characters. */
// Control characters are exactly what the pattern refuses.
// eslint-disable-next-line no-control-regex
export const FILE_NAME = /^[^\\/\x00-\x1f\x7f-\x9f]{1,200}$/;

/**
 * The name a browser sent with a file, made a safe file name (its last path
 * part, control characters dropped, at most 200 characters), or undefined.
 *
 * @example safeFileName('C:\\fakepath\\акт.pdf') // 'акт.pdf'
 */
export function safeFileName(name: string | undefined): string | undefined {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is dropped
  const clean = [...last.replace(/[\x00-\x1f\x7f-\x9f]/g, '').trim()].slice(0, 200).join('');
  return clean === '' ? undefined : clean;
}

/**
 * `Content-Disposition: attachment` for a name, RFC 6266: an ASCII fallback
 * and the exact name as `filename*` (UTF-8, percent-encoded).
 *
 * @example attachment('акт.pdf') // `attachment; filename="___.pdf"; filename*=UTF-8''%D0%B0%D0%BA%D1%82.pdf`
 */
export function attachment(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const exact = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}

/** The R2 key of an entry's file. */
export const fileKey = (claimId: string, evidenceId: string): string =>
  `claims/${claimId}/evidence/${evidenceId}`;

/** The record of a stored object, from its metadata; undefined for an object not written here. */
function recordOf(object: R2Object): EvidenceFile | undefined {
  const meta = object.customMetadata ?? {};
  const contentType = asEvidenceFileType(object.httpMetadata?.contentType);
  const evidenceId = object.key.split('/').pop() ?? '';
  if (!contentType || !meta.sha256 || !meta.uploadedAt || !meta.uploadedBy) return undefined;
  const fileName = meta.fileName ? decodeURIComponent(meta.fileName) : undefined;
  return {
    evidenceId,
    contentType,
    size: object.size,
    sha256: meta.sha256,
    ...(fileName ? { fileName } : {}),
    uploadedAt: meta.uploadedAt,
    uploadedBy: meta.uploadedBy,
  };
}

/** Lowercase hex SHA-256 of bytes. */
async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The name a download of the file is saved under. @example downloadNameOf(file) // 'ev_2.jpg' */
export const downloadNameOf = (file: EvidenceFile): string =>
  file.fileName ?? `${file.evidenceId}.${EXTENSION_OF[file.contentType]}`;

/**
 * The bytes must be a file of the evidence type `declared` names (415
 * otherwise) and be what their magic number says (422 otherwise).
 *
 * @throws {EvidenceFileError} `file-type-unsupported`, `file-type-mismatch`.
 * @example checkFile(bytes, 'application/pdf') // 'application/pdf'
 */
export function checkFile(bytes: Uint8Array, declared: string | undefined): EvidenceFileType {
  const type = fileTypeOf(declared);
  if (bytes.length === 0) throw new EvidenceFileError('file-type-mismatch', 'The file is empty.');
  const sniffed = sniffFileType(bytes);
  if (!bytesMatchType(sniffed, type)) {
    throw new EvidenceFileError(
      'file-type-mismatch',
      sniffed
        ? `The bytes are ${sniffed}, not ${type}.`
        : `The bytes are not a PDF, JPEG, PNG, WebP or HEIC/HEIF file (sent as ${type}).`,
    );
  }
  return type;
}

function fileTypeOf(declared: string | undefined): EvidenceFileType {
  const type = asEvidenceFileType(declared);
  if (!type) {
    throw new EvidenceFileError(
      'file-type-unsupported',
      `Send a PDF, JPEG, PNG, WebP or HEIC/HEIF file with its Content-Type (got '${declared ?? 'none'}').`,
    );
  }
  return type;
}

export interface EvidenceFileDeps {
  /** The EVIDENCE_FILES binding; absent: file calls answer `file-storage-off`. */
  bucket: EvidenceBucket | undefined;
  claims: Pick<ClaimService, 'get'>;
  /** The current instant (the upload time). */
  clock: () => Date;
}

/**
 * @example
 * const files = createEvidenceFileService({ bucket: env.EVIDENCE_FILES, claims, clock });
 * const file = await files.upload(principal, 'clm_…', 'ev_1', { contentType: 'application/pdf', read });
 */
export function createEvidenceFileService(deps: EvidenceFileDeps) {
  const { claims, clock } = deps;

  const bucketOf = (): EvidenceBucket => {
    if (!deps.bucket) {
      throw new EvidenceFileError('file-storage-off', 'Evidence file storage is not configured.');
    }
    return deps.bucket;
  };

  /** The entry of a claim the caller may see. */
  const entryOf = async (
    actor: Principal,
    claimId: string,
    evidenceId: string,
  ): Promise<ClaimEvidence> => {
    const claim = await claims.get(actor, claimId);
    const entry = claim.evidence.find((e) => e.id === evidenceId);
    if (!entry) {
      throw new EvidenceFileError(
        'evidence-not-found',
        `Claim ${claimId} has no evidence ${evidenceId}.`,
      );
    }
    return entry;
  };

  const noFile = (claimId: string, evidenceId: string) =>
    new EvidenceFileError(
      'file-not-found',
      `Evidence ${evidenceId} of claim ${claimId} has no file.`,
    );
  const exists = (evidenceId: string) =>
    new EvidenceFileError(
      'file-exists',
      `Evidence ${evidenceId} already has its file; files are kept as uploaded. Add a new evidence entry for another file.`,
    );

  return {
    /**
     * Stores the file of an evidence entry, once. The checks that need no
     * bytes come first (type, claim, entry, no file yet), then the bytes are
     * read, checked against their magic number and hashed, and written
     * only if the entry still has no file.
     *
     * @throws {ClaimNotFoundError} no such claim, or another shop's.
     * @throws {EvidenceFileError} every other refusal, by its code.
     */
    async upload(
      actor: Principal,
      claimId: string,
      evidenceId: string,
      upload: Upload,
    ): Promise<EvidenceFile> {
      fileTypeOf(upload.contentType);
      const bucket = bucketOf();
      await entryOf(actor, claimId, evidenceId);
      const key = fileKey(claimId, evidenceId);
      if (await bucket.head(key)) throw exists(evidenceId);
      const bytes = await upload.read();
      const contentType = checkFile(bytes, upload.contentType);
      const sha256 = await sha256Of(bytes);
      const file: EvidenceFile = {
        evidenceId,
        contentType,
        size: bytes.byteLength,
        sha256,
        ...(upload.fileName ? { fileName: upload.fileName } : {}),
        uploadedAt: clock().toISOString(),
        uploadedBy: actorOf(actor).id,
      };
      const stored = await bucket.put(key, bytes, {
        httpMetadata: { contentType, contentDisposition: attachment(downloadNameOf(file)) },
        customMetadata: {
          sha256,
          size: String(file.size),
          uploadedAt: file.uploadedAt,
          uploadedBy: file.uploadedBy,
          ...(file.fileName ? { fileName: encodeURIComponent(file.fileName) } : {}),
        },
        // R2 checks the bytes it got against the digest; `*`: only if there is no object yet.
        sha256,
        onlyIf: { etagDoesNotMatch: '*' },
      });
      if (!stored) throw exists(evidenceId);
      return file;
    },

    /**
     * The file of an evidence entry, with its bytes.
     *
     * @throws {ClaimNotFoundError} no such claim, or another shop's.
     * @throws {EvidenceFileError} `evidence-not-found`, `file-not-found`.
     */
    async open(actor: Principal, claimId: string, evidenceId: string): Promise<OpenedFile> {
      const bucket = bucketOf();
      await entryOf(actor, claimId, evidenceId);
      const object = await bucket.get(fileKey(claimId, evidenceId));
      const file = object ? recordOf(object) : undefined;
      if (!object || !file) throw noFile(claimId, evidenceId);
      return { file, downloadName: downloadNameOf(file), body: object.body };
    },

    /**
     * Every stored file of a claim the caller may see, in evidence order.
     *
     * @throws {ClaimNotFoundError} no such claim, or another shop's.
     */
    async list(actor: Principal, claimId: string): Promise<EvidenceFile[]> {
      const bucket = bucketOf();
      const claim = await claims.get(actor, claimId);
      const files: EvidenceFile[] = [];
      let cursor: string | undefined;
      do {
        const page = await bucket.list({
          prefix: `${fileKey(claimId, '')}`,
          include: ['httpMetadata', 'customMetadata'],
          ...(cursor ? { cursor } : {}),
        });
        for (const object of page.objects) {
          const file = recordOf(object);
          if (file) files.push(file);
        }
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      const order = new Map(claim.evidence.map((e, i) => [e.id, i]));
      return files
        .filter((f) => order.has(f.evidenceId))
        .sort((a, b) => (order.get(a.evidenceId) ?? 0) - (order.get(b.evidenceId) ?? 0));
    },
  };
}

export type EvidenceFileService = ReturnType<typeof createEvidenceFileService>;
