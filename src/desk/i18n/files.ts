/** Texts of evidence files on the desk: the claim page's list and forms, and the phone form's rows. */
import type { EvidenceFileErrorCode } from '../../services/evidence-files';
import { countOf, LOCALES, type PluralForms } from '../../format';
import type { Language } from './lang';

/** Why a file was not attached, by the evidence-file service's code. */
type Refusals = Record<EvidenceFileErrorCode | 'no-file', string>;

const en = {
  file: 'File',
  noFile: 'no file yet',
  download: (name: string) => `Download ${name}`,
  sha256: 'SHA-256',
  attachLabel: (evidence: string) => `File for “${evidence}”`,
  attach: 'Attach',
  hint: 'PDF, JPEG, PNG, WebP or HEIC, up to 10 MB. An attached file is kept as it is: it cannot be replaced.',
  attached: (evidence: string) => `The file for “${evidence}” is attached.`,
  filingFile: 'File (optional)',
  filingHint:
    'PDF, JPEG, PNG, WebP or HEIC, up to 10 MB. Choose it just before filing: calculating again clears it.',
  refused: {
    'no-file': 'Choose a file first.',
    'evidence-not-found': 'The claim has no such evidence entry.',
    'file-not-found': 'That evidence entry has no file.',
    'file-exists': 'This evidence entry already has its file; it cannot be replaced.',
    'file-too-large': 'The file is larger than 10 MB.',
    'file-type-unsupported': 'Only PDF, JPEG, PNG, WebP or HEIC files can be attached.',
    'file-type-mismatch': 'The file’s contents are not a PDF, JPEG, PNG, WebP or HEIC file.',
    'file-storage-off': 'File storage is unavailable; try again later.',
  } satisfies Refusals,
};

export type FileMessages = typeof en;

const ru: FileMessages = {
  file: 'Файл',
  noFile: 'файла пока нет',
  download: (name: string) => `Скачать ${name}`,
  sha256: 'SHA-256',
  attachLabel: (evidence: string) => `Файл для «${evidence}»`,
  attach: 'Приложить',
  hint: 'PDF, JPEG, PNG, WebP или HEIC, не больше 10 МБ. Приложенный файл хранится как есть: заменить его нельзя.',
  attached: (evidence: string) => `Файл для «${evidence}» приложен.`,
  filingFile: 'Файл (необязательно)',
  filingHint:
    'PDF, JPEG, PNG, WebP или HEIC, не больше 10 МБ. Выберите его перед подачей: новый расчёт его сбрасывает.',
  refused: {
    'no-file': 'Сначала выберите файл.',
    'evidence-not-found': 'В претензии нет такого документа.',
    'file-not-found': 'У этого документа нет файла.',
    'file-exists': 'У этого документа уже есть файл; заменить его нельзя.',
    'file-too-large': 'Файл больше 10 МБ.',
    'file-type-unsupported': 'Приложить можно только файлы PDF, JPEG, PNG, WebP или HEIC.',
    'file-type-mismatch': 'Содержимое файла — не PDF, JPEG, PNG, WebP или HEIC.',
    'file-storage-off': 'Хранилище файлов недоступно; попробуйте позже.',
  },
};

/** @example filesFor('ru').attach // 'Приложить' */
export const filesFor = (lang: Language): FileMessages => (lang === 'ru' ? ru : en);

/** «1 байт», «2 байта», «5 байт»; "1 byte", "2 bytes". */
const BYTES: Readonly<Record<Language, PluralForms>> = {
  en: { one: 'byte', other: 'bytes' },
  ru: { one: 'байт', few: 'байта', many: 'байт', other: 'байта' },
};

/**
 * A file size in the language: bytes, KB or MB with one decimal.
 *
 * @example formatSize('en', 48213) // '47.1 KB'
 * @example formatSize('ru', 2) // '2 байта'
 */
export function formatSize(lang: Language, bytes: number): string {
  if (bytes < 1024) return countOf(lang, bytes, BYTES[lang]);
  const exponent = bytes < 1024 * 1024 ? 1 : 2;
  const unit = (lang === 'ru' ? ['КБ', 'МБ'] : ['KB', 'MB'])[exponent - 1] ?? '';
  const number = new Intl.NumberFormat(LOCALES[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(bytes / 1024 ** exponent);
  return `${number} ${unit}`;
}
