/**
 * Customers' personal data: selectors and acts (`types`), identifiers as compared
 * (`identifiers`), what erased data becomes (`tombstone`), when a settled record is due
 * (`retention`).
 */
export * from './types';
export * from './identifiers';
export * from './tombstone';
export * from './retention';
