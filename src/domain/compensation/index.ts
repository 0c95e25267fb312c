/**
 * Compensation calculations: late, lost, damaged. Each is pure and returns a wire-ready
 * result with the lines that explain it.
 */
export { computeLate, MAX_LATE_DATES, type LateInput, type LateResult } from './late';
export { MAX_TRANSIT_BUSINESS_DAYS, type LateCalendar } from './late-span';
export { computeLost, type LostInput } from './lost';
export { computeDamaged, type DamagedInput } from './damaged';
export {
  LOSS_COMPONENT_KINDS,
  type LossComponent,
  type LossComponentKind,
  type LossResult,
} from './loss-result';
