/** Texts of the phone-claim form. */
import type { Language } from './lang';
import { commonFor } from './common';

const en = {
  title: 'New claim by phone',
  intro:
    'For customers who phone in. Fill in what the caller tells you, press Calculate to see the compensation and how it is computed, then file the claim for the shop.',
  shipment: 'Shop and shipment',
  shopId: 'Shop',
  shopHint: 'The shop the claim is filed for (every shop with an API key).',
  type: 'What went wrong',
  carrier: 'Carrier',
  waybill: 'Waybill',
  orderId: 'Shop order number (optional)',
  shippedDate: 'Shipped on',
  currency: 'Currency of all amounts',
  deliveryCost: 'Delivery cost',
  amountHint: commonFor('en').amountRule,
  customer: 'Customer',
  claimantName: 'Customer’s name',
  claimantEmail: 'Customer’s e-mail',
  claimantPhone: 'Customer’s phone',
  description: 'What happened, in the customer’s words',
  late: 'Late delivery (only for “Late delivery”)',
  lateHint:
    'Give the promised date or the transit time; and the delivery date, or the date up to which it is still undelivered.',
  promisedDate: 'Promised delivery date',
  transitBusinessDays: 'Or: transit time in business days, from the shipping date',
  deliveredDate: 'Delivered on',
  asOf: 'Or: still undelivered on',
  loss: 'Lost or damaged (only for “Lost parcel” and “Damaged parcel”)',
  deliveryPaid: 'The customer paid the delivery (lost parcels)',
  declaredValue: 'Declared (insured) value, if insured',
  documentedValue: 'Documented value of the contents (lost) or documented damage (damaged)',
  evidence: 'Documents the customer has',
  evidenceRow: (n: number) => `Document ${n}`,
  evidenceKind: 'Kind',
  evidenceName: 'File or document name',
  evidenceUrl: 'Link (optional)',
  calculate: 'Calculate',
  file: 'File the claim',
  preview: 'Calculated compensation',
  previewIntro:
    'Nothing is filed yet. Check the amount and how it was computed, then file the claim.',
  missing: 'Documents the carrier will still need',
  nothingMissing: 'None.',
  deadlines: (filing: string, answer: string) =>
    `Filing deadline ${filing}; if filed today, the carrier must answer by ${answer}.`,
  errorSummary: 'The claim cannot be calculated yet:',
  alreadyUsed:
    'This form was already used to file a different claim. Open a new form to file another one.',
  newForm: 'Open a new form',
  claimExists:
    'This shop already has an open claim of this type for this waybill; a second one is not filed.',
  openExisting: (id: string) => `Open claim ${id}`,
  // Filing by phone: the shop picker and the waybill's earlier claims.
  chooseShop: 'Choose the shop',
  unknownShop: 'is not a shop the desk knows (no API key has it)',
  duplicates: (waybill: string) =>
    `The waybill ${waybill} already has claims. Check they are not the same case before filing another:`,
  duplicateLine: (id: string, shop: string, type: string, status: string) =>
    `${id} — ${shop}, ${type}, ${status}`,
  fileAnyway: 'The customer’s case is not one of these: file anyway',
  fileAnywayRequired: 'Tick this to file although the waybill has claims',
};

export type FilingMessages = typeof en;

const ru: FilingMessages = {
  title: 'Новая претензия по телефону',
  intro:
    'Для заявителей, которые звонят по телефону. Заполните то, что сообщил заявитель, нажмите «Рассчитать», чтобы увидеть компенсацию и расчёт, затем подайте претензию от имени магазина.',
  shipment: 'Магазин и отправление',
  shopId: 'Магазин',
  shopHint: 'Магазин, от имени которого подаётся претензия (любой магазин с API-ключом).',
  type: 'Что случилось',
  carrier: 'Перевозчик',
  waybill: 'Накладная',
  orderId: 'Номер заказа в магазине (необязательно)',
  shippedDate: 'Дата отправки',
  currency: 'Валюта всех сумм',
  deliveryCost: 'Стоимость доставки',
  amountHint: commonFor('ru').amountRule,
  customer: 'Заявитель',
  claimantName: 'Имя заявителя',
  claimantEmail: 'Эл. почта заявителя',
  claimantPhone: 'Телефон заявителя',
  description: 'Что случилось, со слов заявителя',
  late: 'Просрочка (только для вида «Просрочка доставки»)',
  lateHint:
    'Укажите обещанную дату или срок в пути; и дату доставки или дату, на которую посылка ещё не доставлена.',
  promisedDate: 'Обещанная дата доставки',
  transitBusinessDays: 'Или: срок в пути в рабочих днях от даты отправки',
  deliveredDate: 'Доставлено',
  asOf: 'Или: не доставлено на дату',
  loss: 'Утрата или повреждение (только для этих видов)',
  deliveryPaid: 'Заявитель оплатил доставку (при утрате)',
  declaredValue: 'Объявленная (страховая) стоимость, если застраховано',
  documentedValue:
    'Подтверждённая стоимость вложения (утрата) или подтверждённый ущерб (повреждение)',
  evidence: 'Документы у заявителя',
  evidenceRow: (n: number) => `Документ ${n}`,
  evidenceKind: 'Вид',
  evidenceName: 'Имя файла или документа',
  evidenceUrl: 'Ссылка (необязательно)',
  calculate: 'Рассчитать',
  file: 'Подать претензию',
  preview: 'Расчёт компенсации',
  previewIntro: 'Претензия ещё не подана. Проверьте сумму и расчёт, затем подайте претензию.',
  missing: 'Документы, которые ещё понадобятся перевозчику',
  nothingMissing: 'Нет.',
  deadlines: (filing: string, answer: string) =>
    `Крайний срок подачи: ${filing}; при подаче сегодня перевозчик должен ответить до ${answer}`,
  errorSummary: 'Рассчитать претензию пока нельзя:',
  alreadyUsed: 'Эта форма уже использована для подачи другой претензии. Откройте новую форму.',
  newForm: 'Открыть новую форму',
  claimExists:
    'У этого магазина уже есть открытая претензия этого типа по этой накладной; вторая не подана.',
  openExisting: (id: string) => `Открыть претензию ${id}`,
  // Подача по телефону: выбор магазина и прежние претензии по накладной.
  chooseShop: 'Выберите магазин',
  unknownShop: 'такого магазина нет среди известных (ни у одного API-ключа)',
  duplicates: (waybill: string) =>
    `По накладной ${waybill} уже есть претензии. Убедитесь, что это не тот же случай, прежде чем подавать ещё одну:`,
  duplicateLine: (id: string, shop: string, type: string, status: string) =>
    `${id} — ${shop}, ${type}, ${status}`,
  fileAnyway: 'Это другой случай: всё равно подать',
  fileAnywayRequired: 'Отметьте, чтобы подать, хотя по накладной уже есть претензии',
};

/** @example filingFor('ru').calculate // 'Рассчитать' */
export const filingFor = (lang: Language): FilingMessages => (lang === 'ru' ? ru : en);
