/**
 * The order page's "file a claim for this shipment" form as the API's body
 * (POST /v1/shipments/{id}/claims), checked by the API's own schema; its errors, the
 * schema's by path and the rules' by pointer (into the claim the shipment makes), go to the
 * field that shows them, or to the form when no field of it is to blame (a date, the waybill).
 */
import type { ShipmentClaimRequest } from '../../domain/shipment';
import { PARSE_OPTIONS } from '../../http/field-issues';
import { ShipmentClaimRequestSchema } from '../../schemas/shipment-claim.schema';
import { FORM_LEVEL, schemaIssues, type FieldIssues } from './field-errors';
import { moneyFields } from './money-input';

/** The form's fields (besides the CSRF token), as posted and shown again. */
export interface ShipmentClaimValues {
  type: string;
  description: string;
  documentedAmount: string;
}

/**
 * Which field shows an issue at a path of the request or of the claim it makes.
 *
 * @example shipmentClaimFieldFor(['documentedDamage', 'amount']) // 'documentedAmount'
 * @example shipmentClaimFieldFor(['shipment', 'asOf']) // '_form'
 */
export function shipmentClaimFieldFor(path: readonly PropertyKey[]): string {
  const [first] = path.map(String);
  if (first === 'documentedValue' || first === 'documentedDamage') return 'documentedAmount';
  return first === 'type' || first === 'description' ? first : FORM_LEVEL;
}

/**
 * The request a posted form asks for, its documented amount in the shipment's currency (as
 * the lost or damaged claim names it), or the issues by field.
 *
 * @example shipmentClaimRequest({ type: 'damaged', description: 'Dented', documentedAmount: '700.00' }, 'RUB')
 * // { request: { type: 'damaged', description: 'Dented', documentedDamage: { amount: '700.00', currency: 'RUB' }, evidence: [] } }
 */
export function shipmentClaimRequest(
  values: ShipmentClaimValues,
  currency: string,
): { request: ShipmentClaimRequest } | { issues: FieldIssues } {
  const { documentedAmount } = values;
  const { amounts, issues } = moneyFields({ documentedAmount }, ['documentedAmount']);
  const amount = amounts.documentedAmount ?? '';
  const money = amount === '' ? undefined : { amount, currency };
  const documented =
    money === undefined
      ? {}
      : values.type === 'lost'
        ? { documentedValue: money }
        : values.type === 'damaged'
          ? { documentedDamage: money }
          : {};
  const body = { type: values.type, description: values.description, ...documented };
  const parsed = ShipmentClaimRequestSchema.safeParse(body, PARSE_OPTIONS);
  if (parsed.success && Object.keys(issues).length === 0) return { request: parsed.data };
  const schema = parsed.success ? {} : schemaIssues(parsed.error, shipmentClaimFieldFor);
  return { issues: { ...schema, ...issues } };
}
