/** Texts of the analytics dashboard and the claim page's cause section, both languages. */
import type { ClaimCause, ClaimType } from '../../domain/claim';
import type { GroupBy } from '../../domain/analytics';
import type { Language } from './lang';
import { countOf } from '../../format';

const en = {
  nav: 'Analytics',
  title: 'Claims analytics',
  intro:
    'Claims filed in the range, counted on the day each was filed (withdrawn claims are not counted), with what was computed, approved, paid and given to customers.',
  from: 'From',
  to: 'To',
  groupBy: 'Group by',
  currency: 'Money in',
  show: 'Show',
  csv: 'Download CSV',
  groupNames: {
    carrier: 'Carrier',
    cause: 'Cause',
    type: 'Type',
    week: 'Week',
    month: 'Month',
  } satisfies Record<GroupBy, string>,
  count: 'Claims',
  computed: 'Computed',
  approved: 'Approved',
  paid: 'Paid',
  given: 'Given',
  total: 'Total',
  countChart: (by: string) => `Claims per ${by.toLowerCase()}`,
  moneyChart: (by: string, currency: string) =>
    `Computed and paid per ${by.toLowerCase()}, ${currency}`,
  tableCaption: (by: string) => `Figures per ${by.toLowerCase()}`,
  empty: 'No claims were filed in this range.',
  asOf: (at: string) => `Figures as of ${at}: a change may take a few seconds to show.`,
  flagsTitle: 'Possible systemic faults',
  flagsIntro:
    'A carrier and cause with at least 3 claims in a week, more than twice its average over the 8 weeks before.',
  noFlags: 'No carrier and cause stands out in this range.',
  flag: (carrier: string, cause: string, week: string, count: number, average: string) =>
    `${carrier}, ${cause}: ${countOf('en', count, { one: 'claim', other: 'claims' })} in week ${week} (8-week average ${average})`,
  week: 'Week',
  trailingAverage: '8-week average',
  causes: {
    courier_late: 'Courier late',
    supplier_late: 'Supplier late',
    warehouse: 'Warehouse',
    wrong_address: 'Wrong address',
    damaged_in_transit: 'Damaged in transit',
    lost_in_transit: 'Lost in transit',
    other: 'Other',
  } satisfies Record<ClaimCause, string>,
  types: { late: 'Late', lost: 'Lost', damaged: 'Damaged' } satisfies Record<ClaimType, string>,
  causeTitle: 'Cause',
  causeLabel: 'Why it happened',
  causeNone: 'Not set',
  causeSubmit: 'Save the cause',
  causeHint: 'Counted in the analytics; the history records the change.',
  causeRequired: 'choose one of the causes in the list',
};

export type AnalyticsMessages = typeof en;

/** 1 претензия, 3 претензии, 5 претензий. */
const CLAIMS_RU = { one: 'претензия', few: 'претензии', many: 'претензий', other: 'претензии' };

const ru: AnalyticsMessages = {
  nav: 'Аналитика',
  title: 'Аналитика претензий',
  intro:
    'Претензии, поданные за период, по дню подачи каждой (отозванные не учитываются): рассчитано, одобрено, выплачено и передано покупателям.',
  from: 'С',
  to: 'По',
  groupBy: 'Группировать по',
  currency: 'Валюта',
  show: 'Показать',
  csv: 'Скачать CSV',
  groupNames: {
    carrier: 'Перевозчик',
    cause: 'Причина',
    type: 'Тип',
    week: 'Неделя',
    month: 'Месяц',
  },
  count: 'Претензий',
  computed: 'Рассчитано',
  approved: 'Одобрено',
  paid: 'Выплачено',
  given: 'Передано покупателям',
  total: 'Итого',
  countChart: (by) => `Претензии: ${by.toLowerCase()}`,
  moneyChart: (by, currency) => `Рассчитано и выплачено: ${by.toLowerCase()}, ${currency}`,
  tableCaption: (by) => `Показатели: ${by.toLowerCase()}`,
  empty: 'За этот период претензий не подавали.',
  asOf: (at) => `Данные на ${at}: изменение может появиться через несколько секунд.`,
  flagsTitle: 'Возможные системные сбои',
  flagsIntro:
    'Перевозчик и причина, у которых за неделю не меньше 3 претензий и больше чем вдвое выше среднего за 8 предыдущих недель.',
  noFlags: 'За этот период ни один перевозчик и причина не выделяются.',
  flag: (carrier, cause, week, count, average) =>
    `${carrier}, ${cause}: ${countOf('ru', count, CLAIMS_RU)} за неделю ${week} (среднее за 8 недель ${average})`,
  week: 'Неделя',
  trailingAverage: 'Среднее за 8 недель',
  causes: {
    courier_late: 'Опоздал курьер',
    supplier_late: 'Опоздал поставщик',
    warehouse: 'Склад',
    wrong_address: 'Неверный адрес',
    damaged_in_transit: 'Повреждено в пути',
    lost_in_transit: 'Утеряно в пути',
    other: 'Другое',
  },
  types: { late: 'Просрочка', lost: 'Утрата', damaged: 'Повреждение' },
  causeTitle: 'Причина',
  causeLabel: 'Почему это случилось',
  causeNone: 'Не указана',
  causeSubmit: 'Сохранить причину',
  causeHint: 'Учитывается в аналитике; смена записывается в историю.',
  causeRequired: 'выберите одну из причин в списке',
};

/** @example analyticsFor('ru').title // 'Аналитика претензий' */
export const analyticsFor = (lang: Language): AnalyticsMessages => (lang === 'ru' ? ru : en);
