/**
 * The desk's upload form for an audit: its fields checked (a file chosen, a carrier we know,
 * the tolerance a percentage, the days after which a parcel on its way is lost a whole number
 * from 1 to 365 or nothing, the columns a JSON object of strings) and turned into the
 * service's options; the browser's file as the service's upload.
 */
import { MAX_LOST_AFTER_DAYS } from '../../domain/audit/audit';
import type { AuditField } from '../../domain/audit/types';
import type { AuditOptions } from '../../domain/audit/view';
import { listPolicies } from '../../domain/policies';
import type { AuditUpload } from '../../services/audits';
import { auditsFor } from '../i18n/audits';
import type { Language } from '../i18n/lang';
import type { UploadErrors, UploadValues } from '../views/audit/audits-page';

/** The form as posted: its values (shown again on a refusal) and what was wrong with them. */
export interface UploadForm {
  values: UploadValues;
  errors?: UploadErrors | undefined;
}

/** A percentage: up to 3 digits, a point or comma, up to 2 decimals (`5`, `2,5`). */
const PERCENT = /^\d{1,3}(?:[.,]\d{1,2})?$/;
/** A whole number of days (its range is checked apart). */
const DAYS = /^\d{1,3}$/;
/** The types a browser may give a CSV file the service takes; others are left to the bytes. */
const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);

/** The columns field: undefined when empty, the mapping, or false when it is not one. */
function columnsOf(text: string): Partial<Record<AuditField, string>> | undefined | false {
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const entries = Object.entries(parsed);
  // Unknown field names are the service's to name (as the API does); values must be headers.
  if (entries.some(([, header]) => typeof header !== 'string')) return false;
  return Object.fromEntries(entries) as Partial<Record<AuditField, string>>;
}

/**
 * The posted form checked: the file and the service's options, or the errors to show.
 * @example uploadOptions('en', { carrier: 'cdek', tolerance: '5', columns: '' }, file)
 */
export function uploadOptions(
  lang: Language,
  strings: Record<string, string>,
  file: unknown,
):
  | (UploadForm & { errors: UploadErrors })
  | (UploadForm & { errors?: undefined; file: File; options: AuditOptions }) {
  const m = auditsFor(lang);
  const values: UploadValues = {
    carrier: strings.carrier ?? 'cdek',
    tolerance: (strings.tolerance ?? '').trim() || '0',
    lostAfterDays: (strings.lostAfterDays ?? '').trim(),
    columns: strings.columns ?? '',
  };
  const errors: UploadErrors = {};
  if (!(file instanceof File) || file.size === 0) errors.file = m.fileRequired;
  if (!listPolicies().some((p) => p.id === values.carrier)) errors.carrier = m.carrierUnknown;
  if (!PERCENT.test(values.tolerance)) errors.tolerance = m.toleranceInvalid;
  const lostAfterDays = values.lostAfterDays === '' ? undefined : Number(values.lostAfterDays);
  if (
    lostAfterDays !== undefined &&
    (!DAYS.test(values.lostAfterDays) || lostAfterDays < 1 || lostAfterDays > MAX_LOST_AFTER_DAYS)
  )
    errors.lostAfterDays = m.lostAfterDaysInvalid;
  const columns = columnsOf(values.columns);
  if (columns === false) errors.columns = m.columnsInvalid;
  if (Object.keys(errors).length > 0 || !(file instanceof File) || columns === false) {
    return { values, errors };
  }
  const options: AuditOptions = {
    carrier: values.carrier,
    overchargeTolerancePercent: values.tolerance.replace(',', '.'),
    ...(lostAfterDays === undefined ? {} : { lostAfterDays }),
    fileName: file.name,
    ...(columns ? { columns } : {}),
  };
  return { values, file, options };
}

/**
 * A browser's file as the service's upload: a stream of its bytes, its size, and its type
 * when it is one the service takes (a browser on Windows may call a .csv an Excel file: the
 * bytes then decide).
 * @example await audits.start(principal, uploadOf(file), options, shopId);
 */
export function uploadOf(file: File): AuditUpload {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  return {
    body: file.stream(),
    contentLength: file.size,
    ...(CSV_TYPES.has(type) ? { contentType: file.type } : {}),
  };
}
