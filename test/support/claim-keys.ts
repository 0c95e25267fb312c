/**
 * The members of a filed claim, in the order the API has always sent them (before and after
 * issue 21 made `type` the discriminator of a union of claim shapes): the in-process and the
 * Worker tests hold every answer to it.
 */
export const FILED_CLAIM_KEYS: readonly string[] = [
  'type',
  'shipment',
  'carrier',
  'waybill',
  'shippedDate',
  'claimant',
  'description',
  'cause',
  'shopId',
  'evidence',
  'compensation',
  'missingEvidence',
  'filingDeadline',
  'answerDueBy',
  'acknowledgeBy',
  'id',
  'status',
  'createdAt',
  'updatedAt',
  'version',
];
