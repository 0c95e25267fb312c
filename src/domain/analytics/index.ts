/**
 * Claim analytics: the counters a claim change moves (`figures`), the periods they are read
 * in (`periods`), the systemic-fault rule (`flags`) and the report built from day buckets
 * (`report`), and a claim's whole contribution (`claim-figures`). Pure: no storage, no clock.
 */
export * from './figures';
export * from './periods';
export * from './flags';
export * from './report';
export * from './claim-figures';
