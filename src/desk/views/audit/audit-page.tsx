/**
 * One audit: its state and progress (a `<progress>` a small script keeps current while the
 * file is read or its claims filed), the totals as a chart beside their table, "file all",
 * and the rows with their filters.
 */
import type { AuditView } from '../../../domain/audit/view';
import { auditsFor } from '../../i18n/audits';
import type { Language } from '../../i18n/lang';
import { Layout } from '../layout';
import { useInstant } from '../parts/instant';
import { AuditRows, type AuditRowsProps } from './audit-rows';
import { AuditTotals } from './audit-totals';
import { FileAll, type FileAllProps } from './file-all';
import { AUDIT_PROGRESS_SCRIPT_PATH } from './progress-script';

export interface AuditPageProps {
  lang: Language;
  path: string;
  csrf: string;
  audit: AuditView;
  /** The page's JSON (status and percent) the progress script asks for. */
  pollHref: string;
  rows: Omit<AuditRowsProps, 'lang'>;
  fileAll: Omit<FileAllProps, 'lang' | 'csrf' | 'audit'>;
}

/**
 * How far the work is, as a percentage: the file's bytes while it is read, then the claims
 * of a filing in progress.
 * @example workPercent(view) // 42
 */
export function workPercent(audit: AuditView): number {
  const f = audit.filing;
  if (audit.status !== 'processing' && f?.status === 'filing' && f.requested > 0) {
    return Math.floor(((f.filed + f.skipped + f.failed) * 100) / f.requested);
  }
  return audit.progress.percent;
}

/** The work is still going on: the file is read, or its claims filed. */
export const isBusy = (audit: AuditView): boolean =>
  audit.status === 'processing' || audit.filing?.status === 'filing';

function Progress(props: { lang: Language; audit: AuditView; pollHref: string }) {
  const { lang, audit } = props;
  const m = auditsFor(lang);
  return (
    <div class="audit-progress">
      <label for="audit-progress">{m.progress}</label>
      <progress
        id="audit-progress"
        max="100"
        value={String(workPercent(audit))}
        data-poll={props.pollHref}
        aria-describedby="audit-progress-text"
      >
        {workPercent(audit)} %
      </progress>
      <p id="audit-progress-text" aria-live="polite">
        {audit.status === 'processing'
          ? m.progressText(audit.progress.percent, audit.rows.read)
          : m.filingCounts(audit.filing ?? { requested: 0, filed: 0, skipped: 0, failed: 0 })}
      </p>
      <p class="hint">{m.progressHint}</p>
      <script src={AUDIT_PROGRESS_SCRIPT_PATH} defer></script>
    </div>
  );
}

function Facts(props: { lang: Language; audit: AuditView }) {
  const { lang, audit } = props;
  const m = auditsFor(lang);
  const instant = useInstant(lang);
  return (
    <dl class="facts" id="audit-facts">
      <dt>{m.status}</dt>
      <dd id="audit-status" data-status={audit.status}>
        {m.statuses[audit.status]}
      </dd>
      <dt>{m.created}</dt>
      <dd>{instant(audit.createdAt)}</dd>
      {audit.encoding ? (
        <>
          <dt>{m.encoding}</dt>
          <dd>{audit.encoding}</dd>
        </>
      ) : null}
      <dt>{m.rowsRead}</dt>
      <dd id="audit-rows-count">
        {m.rowCounts(audit.rows.read, audit.rows.audited, audit.rows.refused)}
      </dd>
    </dl>
  );
}

/**
 * @example <AuditPage lang="en" path="/desk/audits/aud_1" csrf={token} audit={view} pollHref="…" rows={…} fileAll={…} />
 */
export function AuditPage(props: AuditPageProps) {
  const { lang, audit } = props;
  const m = auditsFor(lang);
  const title = m.auditTitle(audit.options.fileName ?? m.unnamed);
  return (
    <Layout lang={lang} title={title} path={props.path} csrf={props.csrf} current="audits" wide>
      <h1>{title}</h1>
      <Facts lang={lang} audit={audit} />
      {audit.failure ? (
        <div class="notice error" role="alert" id="audit-failure">
          <p>
            <strong>{m.failure}</strong>
          </p>
          <p lang={lang === 'en' ? undefined : 'en'}>{audit.failure.detail}</p>
        </div>
      ) : null}
      {isBusy(audit) ? <Progress lang={lang} audit={audit} pollHref={props.pollHref} /> : null}
      {audit.status === 'failed' ? null : (
        <>
          <AuditTotals lang={lang} totals={audit.totals} />
          <FileAll lang={lang} csrf={props.csrf} audit={audit} {...props.fileAll} />
          <AuditRows lang={lang} {...props.rows} />
        </>
      )}
    </Layout>
  );
}
