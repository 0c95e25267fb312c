import { CSRF_FIELD } from '../../session/csrf';
import type { FilingPreview } from '../../../services/claims';
import { FORM_LEVEL, type FieldErrors } from '../../forms/field-errors';
import { filesFor } from '../../i18n/files';
import { filingFor, type FilingMessages } from '../../i18n/filing';
import { formatDate } from '../../../format';
import { labelsFor } from '../../i18n/labels';
import type { Language } from '../../i18n/lang';
import { Compensation } from '../claim/compensation';
import { Layout } from '../layout';
import { FieldError } from '../parts/field-error';
import { CheckboxField, type Choice } from '../parts/fields';
import { LandOnFirstError } from '../parts/first-error';
import type { ClaimSummary } from '../../../storage/repository';
import {
  CustomerSection,
  EvidenceSection,
  fieldId,
  LateSection,
  LossSection,
  ShipmentSection,
} from './filing-fields';

export type { FilingPreview };

export interface NewClaimProps {
  lang: Language;
  path: string;
  csrf: string;
  values: Record<string, string>;
  errors: FieldErrors;
  preview?: FilingPreview | undefined;
  /** This form's idempotency key already filed a different claim. */
  alreadyUsed?: boolean;
  /** The shop's open claim of this type for the waybill: nothing was filed. */
  existingClaimId?: string | undefined;
  /** The shops to pick from; empty or absent: the shop id is typed. */
  shops?: readonly Choice[] | undefined;
  /** Claims the waybill already has: filed only with "file anyway" ticked. */
  duplicates?: readonly ClaimSummary[] | undefined;
}

/** The waybill's earlier claims, each a link, and the box that files anyway. */
function Duplicates(props: {
  lang: Language;
  waybill: string;
  duplicates: readonly ClaimSummary[];
  checked: boolean;
  error: string | undefined;
}) {
  const m = filingFor(props.lang);
  const l = labelsFor(props.lang);
  return (
    <div class="notice error" role="alert" id="duplicates">
      <p>{m.duplicates(props.waybill)}</p>
      <ul class="duplicates">
        {props.duplicates.map((claim) => (
          <li>
            <a href={`/desk/claims/${encodeURIComponent(claim.id)}`}>
              {m.duplicateLine(claim.id, claim.shopId, l.type[claim.type], l.status[claim.status])}
            </a>
          </li>
        ))}
      </ul>
      <CheckboxField
        id={fieldId('fileAnyway')}
        name="fileAnyway"
        lang={props.lang}
        label={m.fileAnyway}
        checked={props.checked}
        error={props.error}
      />
    </div>
  );
}

/** The label of a field, for the error summary's links. */
function labelOf(m: FilingMessages, field: string, fileLabel: string): string {
  const row = /^evidence\.(\d+)\.(kind|name|url|file)$/.exec(field);
  if (row) {
    const part = {
      kind: m.evidenceKind,
      name: m.evidenceName,
      url: m.evidenceUrl,
      file: fileLabel,
    }[row[2] as 'kind' | 'name' | 'url' | 'file'];
    return `${m.evidenceRow(Number(row[1]) + 1)}: ${part}`;
  }
  const label: unknown = Object.hasOwn(m, field) ? m[field as keyof typeof m] : undefined;
  return typeof label === 'string' ? label : field;
}

function ErrorSummary(props: { lang: Language; errors: FieldErrors }) {
  const m = filingFor(props.lang);
  const fields = Object.keys(props.errors).filter((f) => f !== FORM_LEVEL);
  if (fields.length === 0 && !props.errors[FORM_LEVEL]) return null;
  return (
    <div class="notice error" role="alert" id="error-summary">
      <p>{m.errorSummary}</p>
      <FieldError id="form-error" lang={props.lang} message={props.errors[FORM_LEVEL]} formLevel />
      <ul>
        {fields.map((field) => (
          <li>
            <a href={`#${fieldId(field)}`}>{labelOf(m, field, filesFor(props.lang).filingFile)}</a>:{' '}
            <span>{props.errors[field]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Preview(props: { lang: Language; preview: FilingPreview }) {
  const m = filingFor(props.lang);
  const l = labelsFor(props.lang);
  const { preview, lang } = props;
  return (
    <div class="preview" id="preview">
      <p class="notice" role="status">
        {m.previewIntro}
      </p>
      <Compensation compensation={preview.compensation} lang={lang} id="preview" />
      <p>
        <strong>{m.missing}: </strong>
        {preview.missingEvidence.length === 0
          ? m.nothingMissing
          : preview.missingEvidence.map((k) => l.evidence[k]).join('; ')}
      </p>
      <p>
        {m.deadlines(
          formatDate(lang, preview.filingDeadline),
          formatDate(lang, preview.answerDueBy),
        )}
      </p>
    </div>
  );
}

/**
 * The phone-claim form: calculate first, then file. After a refusal it comes
 * back filled in, each error beside its field and summarised at the top.
 *
 * @example <NewClaimPage lang="en" path="/desk/new-claim" csrf={token} values={defaults} errors={{}} />
 */
export function NewClaimPage(props: NewClaimProps) {
  const m = filingFor(props.lang);
  const section = {
    lang: props.lang,
    values: props.values,
    errors: props.errors,
    shops: props.shops,
  };
  return (
    <Layout lang={props.lang} title={m.title} path={props.path} csrf={props.csrf} current="new">
      <LandOnFirstError>
        <h1>{m.title}</h1>
        <p>{m.intro}</p>
        {props.alreadyUsed ? (
          <p class="notice error" role="alert">
            {m.alreadyUsed} <a href="/desk/new-claim">{m.newForm}</a>
          </p>
        ) : null}
        {props.existingClaimId ? (
          <p class="notice error" role="alert">
            {m.claimExists}{' '}
            <a href={`/desk/claims/${encodeURIComponent(props.existingClaimId)}`}>
              {m.openExisting(props.existingClaimId)}
            </a>
          </p>
        ) : null}
        <ErrorSummary lang={props.lang} errors={props.errors} />
        <form
          method="post"
          action="/desk/new-claim"
          class="card filing"
          enctype="multipart/form-data"
          novalidate
        >
          <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
          <input type="hidden" name="idempotencyKey" value={props.values.idempotencyKey ?? ''} />
          <ShipmentSection {...section} />
          <CustomerSection {...section} />
          <LateSection {...section} />
          <LossSection {...section} />
          <EvidenceSection {...section} />
          <div class="actions">
            <button
              type="submit"
              name="intent"
              value="calculate"
              class={props.preview ? 'secondary' : undefined}
            >
              {m.calculate}
            </button>
          </div>
          {props.preview ? (
            <>
              <Preview lang={props.lang} preview={props.preview} />
              {props.duplicates && props.duplicates.length > 0 ? (
                <Duplicates
                  lang={props.lang}
                  waybill={props.values.waybill ?? ''}
                  duplicates={props.duplicates}
                  checked={props.values.fileAnyway === 'true'}
                  error={props.errors.fileAnyway}
                />
              ) : null}
              <div class="actions">
                <button type="submit" name="intent" value="file">
                  {m.file}
                </button>
              </div>
            </>
          ) : null}
        </form>
      </LandOnFirstError>
    </Layout>
  );
}
