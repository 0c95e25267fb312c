/** Kinds of evidence a claim can carry. `proof_of_value` is an invoice or receipt for the contents. */
export const EVIDENCE_KINDS = [
  'proof_of_value',
  'photo',
  'receipt',
  'correspondence',
  'other',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
