/**
 * Russian templates for the clerk's claim letters, one per key of the English table.
 * Counts are written after a colon ("рабочих дней просрочки: 2") so no plural forms are needed.
 * @example RU_TEMPLATES['late.delivered'] // 'Доставлено {deliveredDate}.'
 */
import type { EN_TEMPLATES } from './en';

export const RU_TEMPLATES = {
  'policy.applied':
    'Правила перевозчика {policyId}, версия {version} ({nameRu}); источник: {sourceRu}.',
  'policy.note': 'Примечание к правилам: {noteRu}',
  'rounding.half_up':
    'Округлено один раз, по правилу «половина вверх», до {decimals} знаков: {exact} → {rounded}.',
  'rounding.exact': 'Округление не понадобилось: все суммы точны до {decimals} знаков.',

  'weight.divisor.policy':
    'Делитель объёмного веса {divisor} (см³ на кг), по правилам перевозчика.',
  'weight.divisor.override':
    'Делитель объёмного веса {divisor} (см³ на кг), указан в запросе; по правилам перевозчика {policyDivisor}.',
  'weight.package.volumetric':
    'Место {index}: объёмный вес {lengthCm} × {widthCm} × {heightCm} см / {divisor} = {volumetricKg} кг больше физического {physicalKg} кг, поэтому к оплате {chargeableKg} кг.',
  'weight.package.physical':
    'Место {index}: физический вес {physicalKg} кг не меньше объёмного {lengthCm} × {widthCm} × {heightCm} см / {divisor} = {volumetricKg} кг, поэтому к оплате {chargeableKg} кг.',
  'weight.rounding': 'Каждый вес округлён вверх до кратного {stepKg} кг.',
  'weight.total': 'Итого оплачиваемый вес: {terms} = {totalKg} кг.',

  'late.rate.business':
    'Ставка неустойки: {ratePercent} % стоимости доставки за каждый рабочий день просрочки.',
  'late.rate.calendar':
    'Ставка неустойки: {ratePercent} % стоимости доставки за каждый календарный день просрочки.',
  'late.promised.given': 'Обещанная дата доставки: {promisedDate}.',
  'late.promised.computed':
    'Обещанная дата доставки: {promisedDate} = отправка {shippedDate} + рабочих дней в пути: {transitBusinessDays}.',
  'late.delivered': 'Доставлено {deliveredDate}.',
  'late.undelivered': 'На {asOf} не доставлено; просрочка считается по эту дату.',
  'calendar.source':
    'Рабочие дни по производственному календарю {country} на {year} год: набор {dataset}, файл {file}, опубликован {published}.',
  'calendar.note': 'Примечание к календарю {country} на {year} год: {note}.',
  'calendar.preliminary':
    'Календарь {country} на {year} год (опубликован {published}) предварительный: выходные дни ещё могут быть объявлены, и подсчёт может измениться.',
  'late.on_time':
    'Доставлено не позже обещанной даты {promisedDate}: просрочки нет, выплата не положена.',
  'late.not_yet_due':
    'На {asOf} обещанная дата {promisedDate} ещё не прошла: просрочки пока нет, выплата не положена.',
  'late.days.business':
    'Рабочих дней просрочки: {businessDaysLate} (календарных: {calendarDaysLate}), считая после {promisedDate} по {lateUntil} включительно; первый учтённый день {firstLateDate}, последний {lastLateDate}.',
  'late.days.calendar':
    'Календарных дней просрочки: {calendarDaysLate} (рабочих: {businessDaysLate}), считая после {promisedDate} по {lateUntil} включительно; первый учтённый день {firstLateDate}, последний {lastLateDate}.',
  'late.days.no_business_day':
    'Календарных дней просрочки: {calendarDaysLate}, но среди дней после {promisedDate} по {lateUntil} нет рабочих, поэтому выплата не положена.',
  'late.dates_truncated': 'Перечислены только первые {listed} из учтённых дней ({days}).',
  'late.formula': 'Неустойка: {ratePercent} % × дней: {days} × {deliveryCost} = {uncapped}.',
  'late.cap.applied':
    'Предел: {capPercent} % стоимости доставки = {cap}; неустойка {uncapped} его превышает, поэтому выплачивается предел.',
  'late.cap.not_reached': 'Предел: {capPercent} % стоимости доставки = {cap}; не достигнут.',
  'late.cap.none': 'Правила не ограничивают размер неустойки.',

  'loss.refund.paid': 'Стоимость доставки {deliveryCost} возвращается (доставка была оплачена).',
  'loss.refund.unpaid': 'Стоимость доставки не возвращается: доставка не была оплачена.',
  'loss.refund.not_in_policy':
    'Стоимость доставки не возвращается: правила перевозчика в этом случае её не возвращают.',
  'loss.insured.documented':
    'Объявленная ценность {declaredValue}; подтверждённая стоимость вложения {documentedValue}; выплачивается меньшая: {payout}.',
  'loss.insured.missing_proof':
    'Объявленная ценность {declaredValue}; страховая выплата (не более {declaredValue}) будет положена после подтверждения стоимости вложения (счёт или чек).',
  'damage.insured.documented':
    'Объявленная ценность {declaredValue}; подтверждённый ущерб {documentedDamage}; выплачивается меньшая сумма: {payout}.',
  'damage.insured.missing_proof':
    'Объявленная ценность {declaredValue}; выплата (не более {declaredValue}) будет положена после подтверждения ущерба (счёт, чек или смета ремонта).',
  'uninsured.flat': 'Без страховки: правила предусматривают фиксированную выплату {flat} всего.',
  'uninsured.multiple':
    'Без страховки: правила предусматривают {factor} × стоимость доставки {deliveryCost} = {payout}.',
  'uninsured.limit.multiple': 'Предел: {factor} × стоимость доставки {deliveryCost} = {limit}.',
  'uninsured.documented.limited':
    'Без страховки: подтверждённая сумма {documented} выплачивается в пределах {limit}: {payout}.',
  'uninsured.documented.unlimited':
    'Без страховки: подтверждённая сумма {documented} выплачивается полностью, без предела.',
  'uninsured.documented.missing_limited':
    'Без страховки: выплачивается подтверждённая сумма в пределах {limit}; выплата будет положена после подтверждения (счёт или чек).',
  'uninsured.documented.missing_unlimited':
    'Без страховки: подтверждённая сумма выплачивается полностью; выплата будет положена после подтверждения (счёт или чек).',
  'uninsured.none': 'Без страховки: правила не предусматривают выплаты.',
  'loss.documented_unused':
    'Подтверждённая стоимость {documentedValue} не меняет выплату: правила предусматривают фиксированную сумму.',
  'loss.total': 'К выплате сейчас: {terms} = {total}.',
  'loss.total.nothing': 'Пока ничего не положено к выплате: {total}.',
  'loss.pending': 'Ожидает документов: {pending}.',
  // Shipments: charges, re-measurement, reschedules.
  'charges.tariff': 'Тариф: {amount}.',
  'charges.tariff.remeasured':
    'Тариф после перемера перевозчиком {date}: {amount} (было {quoted}).',
  'charges.packaging': 'Упаковка {item}, {nameRu}: {price}, по каталогу перевозчика.',
  'charges.total': 'Всего начислено: {terms} = {total}.',
  'charges.delivery_cost.tariff':
    'Неустойка и возврат считаются от стоимости доставки без упаковки: {deliveryCost}; по правилам упаковка оплачивается отдельно.',
  'charges.delivery_cost.with_packaging':
    'Неустойка и возврат считаются от тарифа вместе с упаковкой: {deliveryCost}, как установлено правилами.',
  'remeasure.weights':
    'Перемер перевозчиком {date}: оплачиваемый вес {beforeKg} кг по заявке, {afterKg} кг по замеру (делитель {divisor}); к оплате вес по замеру.',
  'remeasure.package':
    'Место {index}: по заявке {beforeKg} кг ({beforeBasis}), по замеру фактический {physicalKg} кг и объёмный {volumetricKg} кг; к оплате больший ({afterBasis}): {afterKg} кг.',
  'remeasure.charge': 'Стоимость после перемера: {before} → {after}, разница {difference}.',
  'reschedule.kept':
    'Перенос {date} на {promisedDate} ({reason}); просрочка по-прежнему считается от {deadline}, первоначально обещанной даты, по правилам перевозчика.',
  'reschedule.moved':
    'Перенос {date} на {promisedDate} ({reason}); по правилам перевозчика такой перенос сдвигает срок, и просрочка считается от {promisedDate}.',
  // Аудит отчёта перевозчика (issue 24).
  'audit.lost.status':
    'В отчёте отправление утрачено: утрата принята по статусу, так как в правилах «{nameRu}» нет срока, после которого недоставленное отправление считается утраченным.',
  'audit.lost.presumed':
    'Не доставлено через {days} дн. после обещанной даты {due}: считается утраченным по сроку, заданному аудиту ({lostAfterDays} дн.), так как в правилах «{nameRu}» своего срока нет.',
  'audit.lost.claimable':
    'К претензии: {total} (ожидающее документов станет к выплате, когда стоимость вложения будет подтверждена).',
  'audit.late.undelivered': 'В отчёте отправление ещё в пути на день аудита {asOf}.',
  'overcharge.weights':
    'Вес к оплате {chargedKg} кг; оплачиваемый вес заявленного места {chargeableKg} кг.',
  'overcharge.tolerance':
    'Допуск {tolerancePercent} %: принимается вес к оплате до {limitKg} кг; {chargedKg} кг больше.',
  'overcharge.amount':
    'Переплата пропорционально весу: {charged} × ({chargedKg} − {chargeableKg}) / {chargedKg} = {exact}.',
  'audit.file_by':
    'Подать до {fileBy}: перевозчик принимает претензии в течение {months} мес. с даты отправки ({shippedDate}).',
  'audit.expired': 'Срок подачи претензии истёк {fileBy}: найдено, но на {today} уже не подать.',
} as const satisfies Record<keyof typeof EN_TEMPLATES, string>;
