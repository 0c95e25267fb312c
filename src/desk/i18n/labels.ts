/**
 * Names of the claim model's values (statuses, types, evidence kinds...) in
 * both languages. Typed against the domain's lists, so a new status or kind
 * does not compile until it has a name in each language.
 */
import type { ActorRole, ClaimEventType, ClaimStatus, ClaimType } from '../../domain/claim';
import type { LossComponentKind } from '../../domain/compensation';
import type { EvidenceKind } from '../../domain/evidence';
import type { RescheduleReason } from '../../domain/policies';
import type { PackageWeight } from '../../domain/weight';
import type { Language } from './lang';

export interface Labels {
  status: Record<ClaimStatus, string>;
  type: Record<ClaimType, string>;
  evidence: Record<EvidenceKind, string>;
  component: Record<LossComponentKind, string>;
  event: Record<ClaimEventType, string>;
  role: Record<ActorRole, string>;
  /** Why a carrier moved the delivery date (a shipment's `rescheduled` event). */
  rescheduleReason: Record<RescheduleReason, string>;
  /** Which weight a package is charged by; `not declared`: the order stated no such package. */
  weightBasis: Record<PackageWeight['basis'] | 'not declared', string>;
}

const en: Labels = {
  status: {
    submitted: 'Submitted',
    in_review: 'In review',
    approved: 'Approved',
    partially_approved: 'Partially approved',
    rejected: 'Rejected',
    needs_info: 'Needs information',
    paid: 'Paid',
    cancelled: 'Withdrawn',
  },
  type: { late: 'Late delivery', lost: 'Lost parcel', damaged: 'Damaged parcel' },
  evidence: {
    proof_of_value: 'Proof of value (invoice, receipt for the contents)',
    photo: 'Photo',
    receipt: 'Delivery receipt',
    correspondence: 'Correspondence',
    other: 'Other document',
  },
  component: {
    delivery_cost_refund: 'Delivery cost refunded',
    insured_value: 'Insured value',
    insured_damage: 'Insured damage',
    uninsured_flat: 'Flat sum (uninsured)',
    uninsured_delivery_cost_multiple: 'Multiple of the delivery cost (uninsured)',
    documented_value: 'Documented value',
    documented_damage: 'Documented damage',
  },
  event: {
    filed: 'Filed',
    status_changed: 'Status changed',
    evidence_added: 'Evidence added',
    payment_recorded: 'Payment recorded',
    // Assign to me
    assigned: 'Taken by the clerk',
    unassigned: 'Released by the clerk',
    cause_changed: 'Cause changed',
  },
  role: { shop: 'Shop', clerk: 'Clerk' },
  rescheduleReason: {
    courier_late: 'the courier is late',
    supplier_late: 'the supplier is late',
    other: 'another reason',
  },
  weightBasis: { volumetric: 'volumetric', physical: 'physical', 'not declared': 'not declared' },
};

const ru: Labels = {
  status: {
    submitted: 'Подана',
    in_review: 'На рассмотрении',
    approved: 'Удовлетворена',
    partially_approved: 'Удовлетворена частично',
    rejected: 'Отклонена',
    needs_info: 'Нужны сведения',
    paid: 'Выплачено',
    cancelled: 'Отозвана',
  },
  type: { late: 'Просрочка доставки', lost: 'Утрата посылки', damaged: 'Повреждение посылки' },
  evidence: {
    proof_of_value: 'Подтверждение стоимости (счёт, чек на вложение)',
    photo: 'Фотография',
    receipt: 'Квитанция об отправке',
    correspondence: 'Переписка',
    other: 'Иной документ',
  },
  component: {
    delivery_cost_refund: 'Возврат стоимости доставки',
    insured_value: 'Страховая стоимость',
    insured_damage: 'Страховое возмещение ущерба',
    uninsured_flat: 'Фиксированная сумма (без страховки)',
    uninsured_delivery_cost_multiple: 'Кратная стоимости доставки сумма (без страховки)',
    documented_value: 'Подтверждённая стоимость',
    documented_damage: 'Подтверждённый ущерб',
  },
  event: {
    filed: 'Подана',
    status_changed: 'Смена статуса',
    evidence_added: 'Добавлены документы',
    payment_recorded: 'Записана выплата',
    // Assign to me
    assigned: 'Взята в работу сотрудником',
    unassigned: 'Снята с сотрудника',
    cause_changed: 'Изменена причина',
  },
  role: { shop: 'Магазин', clerk: 'Сотрудник' },
  rescheduleReason: {
    courier_late: 'опоздал курьер',
    supplier_late: 'опоздал поставщик',
    other: 'иная причина',
  },
  weightBasis: { volumetric: 'объёмный', physical: 'фактический', 'not declared': 'не заявлено' },
};

/**
 * The names in one language.
 *
 * @example labelsFor('ru').status.in_review // 'На рассмотрении'
 */
export const labelsFor = (lang: Language): Labels => (lang === 'ru' ? ru : en);
