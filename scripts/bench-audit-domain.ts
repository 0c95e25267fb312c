/**
 * The domain figure of issue 24: 10,000 rows of a Russian Excel report (`;`, decimal commas,
 * dd.mm.yyyy, Russian headers; UTF-8 with a BOM and windows-1251) sniffed, read in 256 KiB
 * chunks, mapped, parsed and audited, timed in CPU (process.cpuUsage). Target: under 1 s of
 * CPU. `npx tsx scripts/bench-audit-domain.ts` prints the figures; `npm run bench -- audit`
 * shows them with the storage figures.
 */
import { pathToFileURL } from 'node:url';
import {
  auditRow,
  encodeWindows1251,
  mapHeader,
  parseRow,
  readCsvRecords,
  sniffFile,
  type AuditContext,
  type CsvRecord,
  type CsvSkip,
} from '../src/domain/audit';

const HEADER =
  'Номер накладной;Номер заказа;Дата отправки;Плановая дата доставки;Срок доставки (раб. дн.);Дата доставки;Статус;Стоимость доставки;Объявленная стоимость;Страховка;Длина, см;Ширина, см;Высота, см;Вес, кг;Расчётный вес;Сумма к оплате';

/** A mix of rows, each owed one thing: lost (1 in 10), still on its way past its term (1 in 10), overcharged (2 in 10), delivered late (6 in 10). */
function reportRow(i: number): string {
  const day = String((i % 27) + 1).padStart(2, '0');
  const month = String((i % 4) + 1).padStart(2, '0');
  const shipped = `${day}.${month}.2025`;
  const cost = `${(300 + (i % 900)).toLocaleString('ru-RU')},${String(i % 100).padStart(2, '0')}`;
  const waybill = String(1_000_000_000 + i);
  switch (i % 10) {
    case 0:
      return `${waybill};ORD-${i};${shipped};;5;;Утерян;${cost} руб.;10 000,00;да;;;;;;`;
    case 1:
      return `${waybill};ORD-${i};${shipped};;3;;"Отправлен в г. транзит";${cost};;;;;;;;`;
    case 2:
    case 3:
      return `${waybill};ORD-${i};${shipped};;3;${shipped};Вручен;${cost};;нет;40;30;20;2,5;9,6;${cost}`;
    default: {
      const delivered = `${String((i % 27) + 2).padStart(2, '0')}.${String((i % 4) + 2).padStart(2, '0')}.2025 14:05`;
      return `${waybill};ORD-${i};${shipped};;4;${delivered};вручен;${cost};;;;;;;;`;
    }
  }
}

function buildReport(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) lines.push(reportRow(i));
  return `${lines.join('\r\n')}\r\n`;
}

const CHUNK = 256 * 1024;

/** Sniff, read in chunks as the queue consumer does, map, parse and audit every row. */
function auditReport(bytes: Uint8Array, ctx: AuditContext) {
  const shape = sniffFile(bytes.subarray(0, 64 * 1024));
  let offset = 0;
  let firstLine = 1;
  let skipping: CsvSkip | undefined;
  let mapping: Extract<ReturnType<typeof mapHeader>, { mapping: unknown }>['mapping'] | undefined;
  const counts = { audited: 0, refused: 0, findings: 0 };
  const take = (record: CsvRecord) => {
    if (mapping === undefined) {
      const mapped = mapHeader(record);
      if ('problems' in mapped) throw new Error(JSON.stringify(mapped.problems));
      mapping = mapped.mapping;
      return;
    }
    const parsed = parseRow(record, mapping, { carrier: 'cdek' });
    const audited = 'row' in parsed ? auditRow(parsed.row, ctx) : parsed;
    if ('problems' in audited) counts.refused += 1;
    else {
      counts.audited += 1;
      counts.findings += audited.findings.length;
    }
  };
  while (offset < bytes.length) {
    const end = Math.min(bytes.length, offset + CHUNK);
    const final = end === bytes.length;
    const chunk = readCsvRecords(bytes.subarray(offset, end), {
      shape,
      firstLine,
      final,
      ...(skipping ? { skipping } : {}),
    });
    chunk.records.forEach(take);
    // A chunk without one whole record would only happen for a record over 64 KiB (skipped).
    offset += final ? end - offset : chunk.consumed;
    firstLine = chunk.nextLine;
    skipping = chunk.skipping;
  }
  return { encoding: shape.encoding, ...counts };
}

function cpuMsOf(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** @example const { rows, cpuMs } = await benchAuditDomain(); // rows 10000, cpuMs < 1000 */
export async function benchAuditDomain(rows = 10_000): Promise<{
  rows: number;
  bytes: number;
  cpuMs: number;
  coldCpuMs: number;
  windows1251CpuMs: number;
  audited: number;
  refused: number;
  findings: number;
  targetMs: number;
}> {
  const text = buildReport(rows);
  const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const cp1251 = encodeWindows1251(text);
  const ctx: AuditContext = { today: '2025-06-01', tolerancePercent: '5', claims: new Map() };
  let result = { audited: 0, refused: 0, findings: 0 };
  // The first run also compiles the code: a Worker's first chunk pays it too.
  const coldCpuMs = cpuMsOf(() => {
    result = auditReport(utf8, ctx);
  });
  // Best of three after the first: what the work costs once the code is compiled.
  const warm = [0, 1, 2].map(() => cpuMsOf(() => auditReport(utf8, ctx)));
  const windows1251CpuMs = Math.min(
    ...[0, 1, 2].map(() => cpuMsOf(() => auditReport(cp1251, ctx))),
  );
  await Promise.resolve();
  return {
    rows,
    bytes: utf8.length,
    cpuMs: Math.min(...warm),
    coldCpuMs,
    windows1251CpuMs,
    audited: result.audited,
    refused: result.refused,
    findings: result.findings,
    targetMs: 1000,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchAuditDomain();
  console.log(
    `${r.rows} rows (${(r.bytes / 1024).toFixed(0)} KiB): ${r.cpuMs.toFixed(0)} ms CPU (UTF-8; first run ${r.coldCpuMs.toFixed(0)} ms), windows-1251 ${r.windows1251CpuMs.toFixed(0)} ms; audited ${r.audited}, refused ${r.refused}, findings ${r.findings}; target < ${r.targetMs} ms`,
  );
}
