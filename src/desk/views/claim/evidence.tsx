import { CSRF_FIELD } from '../../session/csrf';
import { Instant } from '../parts/instant';
import { claimFor } from '../../i18n/claim';
import { filesFor, formatSize } from '../../i18n/files';

import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import type { Claim, ClaimEvidence } from '../../../domain/claim';
import {
  downloadNameOf,
  type EvidenceFile,
  type EvidenceFileErrorCode,
} from '../../../services/evidence-files';
import { ACCEPT_FILES } from '../../../services/file-types';
import { FileField } from '../parts/fields';

/** A file the clerk tried to attach and why it was not. */
export interface FileRefused {
  evidenceId: string;
  code: EvidenceFileErrorCode | 'no-file';
}

export interface EvidenceProps {
  claim: Claim;
  lang: Language;
  csrf: string;
  /** The claim's stored files; undefined when file storage is off (no file column then). */
  files?: EvidenceFile[] | undefined;
  /** The entry whose file was just attached. */
  attached?: string | undefined;
  fileRefused?: FileRefused | undefined;
}

function FilePart(props: EvidenceProps & { item: ClaimEvidence; file: EvidenceFile | undefined }) {
  const { claim, item, file, lang } = props;
  const f = filesFor(lang);
  const path = `/desk/claims/${claim.id}/evidence/${item.id}/file`;
  if (file) {
    return (
      <p class="file">
        <a href={path} download={downloadNameOf(file)}>
          {f.download(downloadNameOf(file))}
        </a>{' '}
        <span class="muted">
          ({file.contentType}, {formatSize(lang, file.size)}, {f.sha256}{' '}
          <code title={file.sha256}>{file.sha256.slice(0, 12)}</code>)
        </span>
      </p>
    );
  }
  const refused = props.fileRefused?.evidenceId === item.id ? props.fileRefused.code : undefined;
  return (
    <form method="post" action={path} enctype="multipart/form-data" class="attach">
      <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
      <FileField
        id={`file-${item.id}`}
        name="file"
        lang={lang}
        label={f.attachLabel(item.name)}
        hint={f.hint}
        error={refused ? f.refused[refused] : undefined}
        accept={ACCEPT_FILES}
      />
      <button type="submit" class="secondary">
        {f.attach}
      </button>
    </form>
  );
}

/**
 * The evidence given, each with its file (a download) or a form to attach
 * one, and the checklist of what is still missing.
 *
 * @example <Evidence claim={claim} lang="en" csrf={token} files={files} />
 */
export function Evidence(props: EvidenceProps) {
  const { claim, lang, files } = props;
  const m = claimFor(lang);
  const l = labelsFor(lang);
  const attached = claim.evidence.find((e) => e.id === props.attached);
  return (
    <section aria-labelledby="evidence-title" class="card">
      <h2 id="evidence-title">{m.evidence}</h2>
      {attached ? (
        <p class="notice success" role="status" id="file-attached">
          {filesFor(lang).attached(attached.name)}
        </p>
      ) : null}
      {claim.evidence.length === 0 ? (
        <p>{m.noEvidence}</p>
      ) : (
        <ul class="evidence" id="evidence-list">
          {claim.evidence.map((item) => (
            <li id={`evidence-${item.id}`}>
              <strong>{l.evidence[item.kind]}</strong>:{' '}
              {item.url ? (
                <a href={item.url} rel="noreferrer noopener" target="_blank">
                  {item.name}
                </a>
              ) : (
                item.name
              )}{' '}
              <span class="muted">
                ({m.added} <Instant lang={lang} at={item.addedAt} />)
              </span>
              {files ? (
                <FilePart
                  {...props}
                  item={item}
                  file={files.find((f) => f.evidenceId === item.id)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{m.missing}</h3>
      {claim.missingEvidence.length === 0 ? (
        <p id="missing-evidence">{m.nothingMissing}</p>
      ) : (
        <ul class="missing" id="missing-evidence">
          {claim.missingEvidence.map((kind) => (
            <li>{l.evidence[kind]}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
