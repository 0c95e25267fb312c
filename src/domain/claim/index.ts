/**
 * The claim entity: its record (`types`), status machine (`status`), changes
 * (`changes`), refusals (`errors`) and every move on it (`commands`:
 * `applyCommand`). Filing is in `filing`, a decision and a payout in `decision`.
 */
export * from './types';
export * from './status';
export * from './errors';
export * from './changes';
export * from './commands';
export * from './acknowledge';
export * from './assignment';
export * from './cause';
export * from './comments';
