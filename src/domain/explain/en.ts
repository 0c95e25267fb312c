/**
 * English templates: one per line key. `{name}` is filled from the line's params.
 * This table is the list of line keys: add a key here and the Russian table must follow.
 * @example EN_TEMPLATES['late.delivered'] // 'Delivered on {deliveredDate}.'
 */
export const EN_TEMPLATES = {
  'policy.applied': 'Policy {policyId}, version {version} ({name}); source: {source}.',
  'policy.note': 'Policy note: {noteEn}',
  'rounding.half_up': 'Rounded once, half-up to {decimals} decimals: {exact} → {rounded}.',
  'rounding.exact': 'No rounding needed: every amount is exact to {decimals} decimals.',

  'weight.divisor.policy': 'Volumetric divisor {divisor} (cm³ per kg), from the policy.',
  'weight.divisor.override':
    'Volumetric divisor {divisor} (cm³ per kg), given in the request; the policy uses {policyDivisor}.',
  'weight.package.volumetric':
    'Package {index}: volumetric {lengthCm} × {widthCm} × {heightCm} cm / {divisor} = {volumetricKg} kg is more than the physical {physicalKg} kg, so {chargeableKg} kg is charged.',
  'weight.package.physical':
    'Package {index}: physical {physicalKg} kg is not less than the volumetric {lengthCm} × {widthCm} × {heightCm} cm / {divisor} = {volumetricKg} kg, so {chargeableKg} kg is charged.',
  'weight.rounding': 'Each weight is rounded up to a multiple of {stepKg} kg.',
  'weight.total': 'Total chargeable weight: {terms} = {totalKg} kg.',

  'late.rate.business':
    'Penalty rate: {ratePercent} % of the delivery cost per business day of delay.',
  'late.rate.calendar':
    'Penalty rate: {ratePercent} % of the delivery cost per calendar day of delay.',
  'late.promised.given': 'Promised delivery date: {promisedDate}.',
  'late.promised.computed':
    'Promised delivery date: {promisedDate} = shipped {shippedDate} + {transitBusinessDays} business days.',
  'late.delivered': 'Delivered on {deliveredDate}.',
  'late.undelivered': 'Not delivered as of {asOf}; the delay is counted up to that date.',
  'calendar.source':
    'Business days from the {country} production calendar for {year}: {dataset} file {file}, published {published}.',
  'calendar.note': 'Note on the {country} calendar for {year}: {note}.',
  'calendar.preliminary':
    'The {country} calendar for {year} (published {published}) is preliminary: days off may still be decreed, so this count can change.',
  'late.on_time':
    'Delivered on or before the promised date {promisedDate}: no delay, nothing is owed.',
  'late.not_yet_due':
    'The promised date {promisedDate} has not passed as of {asOf}: no delay yet, nothing is owed.',
  'late.days.business':
    'Business days late: {businessDaysLate} (calendar days: {calendarDaysLate}), counted after {promisedDate} up to and including {lateUntil}; first counted day {firstLateDate}, last {lastLateDate}.',
  'late.days.calendar':
    'Calendar days late: {calendarDaysLate} (business days: {businessDaysLate}), counted after {promisedDate} up to and including {lateUntil}; first counted day {firstLateDate}, last {lastLateDate}.',
  'late.days.no_business_day':
    'Calendar days late: {calendarDaysLate}, but none of them after {promisedDate} up to {lateUntil} is a business day, so nothing is owed.',
  'late.dates_truncated': 'Only the first {listed} of the {days} counted dates are listed.',
  'late.formula': 'Penalty: {ratePercent} % × {days} days × {deliveryCost} = {uncapped}.',
  'late.cap.applied':
    'Cap: {capPercent} % of the delivery cost = {cap}; the penalty {uncapped} exceeds it, so the cap is owed.',
  'late.cap.not_reached': 'Cap: {capPercent} % of the delivery cost = {cap}; not reached.',
  'late.cap.none': 'The policy sets no cap on the penalty.',

  'loss.refund.paid': 'The delivery cost {deliveryCost} is refunded (the delivery was paid).',
  'loss.refund.unpaid': 'The delivery cost is not refunded: the delivery was not paid.',
  'loss.refund.not_in_policy':
    'The delivery cost is not refunded: the policy does not refund it here.',
  'loss.insured.documented':
    'Insured for {declaredValue}; documented value of the contents {documentedValue}; the smaller is paid: {payout}.',
  'loss.insured.missing_proof':
    'Insured for {declaredValue}; the insured payout (at most {declaredValue}) is payable once proof of the contents value (invoice or receipt) is given.',
  'damage.insured.documented':
    'Insured for {declaredValue}; documented damage {documentedDamage}; the smaller is paid: {payout}.',
  'damage.insured.missing_proof':
    'Insured for {declaredValue}; the payout (at most {declaredValue}) is payable once the damage is documented (invoice, receipt or repair estimate).',
  'uninsured.flat': 'Not insured: the policy pays a flat {flat} in total.',
  'uninsured.multiple':
    'Not insured: the policy pays {factor} × the delivery cost {deliveryCost} = {payout}.',
  'uninsured.limit.multiple': 'Limit: {factor} × the delivery cost {deliveryCost} = {limit}.',
  'uninsured.documented.limited':
    'Not insured: the documented amount {documented} is paid up to {limit}: {payout}.',
  'uninsured.documented.unlimited':
    'Not insured: the documented amount {documented} is paid in full, with no limit.',
  'uninsured.documented.missing_limited':
    'Not insured: the policy pays the documented amount up to {limit}; payable once it is documented (invoice or receipt).',
  'uninsured.documented.missing_unlimited':
    'Not insured: the policy pays the documented amount in full; payable once it is documented (invoice or receipt).',
  'uninsured.none': 'Not insured: the policy pays nothing.',
  'loss.documented_unused':
    'The documented value {documentedValue} does not change the payout: the policy pays a fixed sum.',
  'loss.total': 'Payable now: {terms} = {total}.',
  'loss.total.nothing': 'Nothing is payable yet: {total}.',
  'loss.pending': 'Pending until documents arrive: {pending}.',
  // Shipments: charges, re-measurement, reschedules.
  'charges.tariff': 'Tariff: {amount}.',
  'charges.tariff.remeasured':
    "Tariff after the carrier's re-measurement of {date}: {amount} (quoted {quoted}).",
  'charges.packaging': "Packaging {item}, {name}: {price}, from the policy's catalogue.",
  'charges.total': 'Total charges: {terms} = {total}.',
  'charges.delivery_cost.tariff':
    'The delivery cost a penalty or refund is computed from is the tariff alone, {deliveryCost}: the policy counts packaging as paid separately.',
  'charges.delivery_cost.with_packaging':
    'The delivery cost a penalty or refund is computed from is the tariff plus packaging, {deliveryCost}, as the policy sets.',
  'remeasure.weights':
    'Re-measured by the carrier on {date}: chargeable weight {beforeKg} kg as declared, {afterKg} kg as measured (divisor {divisor}); the measured weight is charged.',
  'remeasure.package':
    'Package {index}: declared {beforeKg} kg ({beforeBasis}), measured physical {physicalKg} kg and volumetric {volumetricKg} kg; the larger, {afterBasis}, wins: {afterKg} kg.',
  'remeasure.charge':
    'Charge after re-measurement: {before} → {after}, a difference of {difference}.',
  'reschedule.kept':
    'Rescheduled on {date} to {promisedDate} ({reason}); lateness is still measured against {deadline}, the date first promised, as the policy sets.',
  'reschedule.moved':
    'Rescheduled on {date} to {promisedDate} ({reason}); the policy moves the deadline for this reason, so lateness is measured against {promisedDate}.',
  // Audits of a carrier report (issue 24).
  'audit.lost.status':
    'The report gives the parcel as lost: counted as lost by its status alone, as {name} sets no term after which an undelivered parcel counts as lost.',
  'audit.lost.presumed':
    'Still not delivered {days} days after it was due on {due}: counted as lost under the term the audit was given ({lostAfterDays} days), as {name} sets none of its own.',
  'audit.lost.claimable':
    "Claimable: {total} (what is pending becomes payable once the contents' value is documented).",
  'audit.late.undelivered':
    "The report gives the parcel as still on its way on the audit's day {asOf}.",
  'overcharge.weights':
    'Charged weight {chargedKg} kg; the chargeable weight of the declared package is {chargeableKg} kg.',
  'overcharge.tolerance':
    'Tolerance {tolerancePercent} %: a charged weight up to {limitKg} kg is accepted; {chargedKg} kg is above it.',
  'overcharge.amount':
    'Overcharge, in proportion to the weight: {charged} × ({chargedKg} − {chargeableKg}) / {chargedKg} = {exact}.',
  'audit.file_by':
    'File by {fileBy}: the policy takes claims within {months} months of shipping ({shippedDate}).',
  'audit.expired':
    'The claim window closed on {fileBy}: found, but no longer claimable as of {today}.',
} as const;
