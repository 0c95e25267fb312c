/**
 * What is wrong with one field, in our words: a stable `code` a client can
 * switch on (and translate), the `params` its message needs, and the English
 * message. Zod's issues are turned into these here, whatever zod's own
 * locale says (the bundle ships none), and domain errors get a code too, so
 * every `errors[]` entry of a problem has one.
 */
import type { z } from '@hono/zod-openapi';
import type { DomainError } from '../domain/errors';

/** Stable codes of `errors[].code`. */
export const FIELD_CODES = [
  // From the request schemas.
  'required',
  'invalid_type',
  'not_integer',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'invalid_enum',
  'invalid_format',
  'unknown_field',
  'invalid_value',
  // From the domain rules.
  'invalid_input',
  'currency_mismatch',
  'calendar_year_unknown',
  'calendar_unknown',
  'policy_unknown',
  'filing_deadline_passed',
  'date_order',
  'in_the_future',
  'one_of',
  'not_both',
  'not_late',
  'check_digit',
  'evidence_limit',
  // A NUL, a tab, a line break… in one line of text (src/schemas/common.schema.ts).
  'control_character',
  // Amounts a move states (src/domain/claim/decision.ts, src/domain/remedy).
  'not_positive',
  'above_approved',
  'above_computed',
  'below_computed',
  // A fact the shipment a claim is filed from does not state (src/domain/shipment/filing.ts).
  'missing_fact',
  // From the claims' own checks.
  'idempotency_key_reused',
  'not_allowed',
  // Remedies (src/domain/remedy).
  'remedy_over_limit',
  'remedy_limits_unset',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** What a message needs beside its code: allowed values, a length, a date… */
export type FieldParams = Readonly<Record<string, string | number | readonly string[]>>;

/** One field's problem, before it is placed (pointer, parameter or header). */
export interface FieldIssue {
  code: FieldCode;
  params: FieldParams;
  /** The English message: the schema's own when it has one, else ours for the code. */
  message: string;
}

type ZodIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

const isCode = (value: unknown): value is FieldCode =>
  typeof value === 'string' && (FIELD_CODES as readonly string[]).includes(value);

/**
 * A field code an error names, if it is one of ours; else `invalid_value` (a code the
 * answer cannot promise is never sent).
 *
 * @example asFieldCode('not_allowed') // 'not_allowed'
 */
export const asFieldCode = (value: string): FieldCode => (isCode(value) ? value : 'invalid_value');

const REQUIRED = { code: 'required', params: {} } as const;

/** The value of a discriminated union's discriminator: its issue reports the whole object. */
const discriminatorValue = (issue: ZodIssue, key: string): unknown => {
  const input: unknown = 'input' in issue ? issue.input : undefined;
  return typeof input === 'object' && input !== null ? Reflect.get(input, key) : undefined;
};

/**
 * The code and params of a zod issue. Issues carry their input only when
 * parsed with `reportInput` (see PARSE_OPTIONS): an absent value is `required`.
 *
 * @example codeOf({ code: 'too_big', origin: 'string', maximum: 64, path: [], message: '' }) // { code: 'too_long', params: { maximum: 64 } }
 */
export function codeOf(issue: ZodIssue): { code: FieldCode; params: FieldParams } {
  const absent = 'input' in issue && issue.input === undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (absent) return REQUIRED;
      if (issue.expected === 'int') return { code: 'not_integer', params: {} };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? REQUIRED : { code: 'too_short', params: { minimum } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_few', params: { minimum } };
      return { code: 'too_small', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { maximum } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_many', params: { maximum } };
      return { code: 'too_big', params: { maximum } };
    }
    case 'invalid_value':
      return { code: 'invalid_enum', params: { values: issue.values.map(String) } };
    case 'invalid_union': {
      const key = 'discriminator' in issue ? issue.discriminator : undefined;
      const missing =
        typeof key === 'string' ? discriminatorValue(issue, key) === undefined : absent;
      if (missing) return REQUIRED;
      const options = 'options' in issue ? issue.options : undefined;
      return Array.isArray(options)
        ? { code: 'invalid_enum', params: { values: options.map(String) } }
        : { code: 'invalid_value', params: {} };
    }
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: {} };
    case 'custom': {
      const own: unknown = issue.params?.code;
      return isCode(own) ? { code: own, params: {} } : { code: 'invalid_value', params: {} };
    }
    default:
      return { code: 'invalid_value', params: {} };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
};

const FORMAT_NAMES: Record<string, string> = {
  email: 'must be an e-mail address',
  url: 'must be a URL',
  uuid: 'must be a UUID',
  datetime: 'must be a date and time (ISO 8601)',
  date: 'must be a date as YYYY-MM-DD',
};

const list = (values: FieldParams[string] | undefined) =>
  Array.isArray(values) ? values.join(', ') : String(values);

/**
 * Our English message for a code, for issues whose schema says nothing itself.
 *
 * @example fieldMessage('too_long', { maximum: 64 }) // 'must be at most 64 characters long'
 */
export function fieldMessage(code: FieldCode, params: FieldParams): string {
  switch (code) {
    case 'required':
      return 'is required';
    case 'invalid_type':
      return `must be ${TYPE_NAMES[String(params.expected)] ?? String(params.expected)}`;
    case 'not_integer':
      return 'must be a whole number';
    case 'too_short':
      return `must be at least ${String(params.minimum)} characters long`;
    case 'too_long':
      return `must be at most ${String(params.maximum)} characters long`;
    case 'too_few':
      return `must have at least ${String(params.minimum)} items`;
    case 'too_many':
      return `must have at most ${String(params.maximum)} items`;
    case 'too_small':
      return `must be at least ${String(params.minimum)}`;
    case 'too_big':
      return `must be at most ${String(params.maximum)}`;
    case 'invalid_enum':
      return `must be one of: ${list(params.values)}`;
    case 'invalid_format':
      return FORMAT_NAMES[String(params.format)] ?? 'is not in the expected format';
    case 'unknown_field':
      return 'is not a known field';
    default:
      return 'is not valid';
  }
}

/**
 * Zod's error customizer: our message for every issue a schema leaves
 * without one. A message written on the schema wins (zod asks this only
 * when there is none).
 */
export const zodMessage: z.core.$ZodErrorMap = (issue) => {
  const { code, params } = codeOf(issue);
  return fieldMessage(code, params);
};

/**
 * How every request schema is parsed, by the API and the desk alike: our
 * messages, and each issue's input kept so that an absent field is told
 * apart (`required`). The input never leaves this module's callers.
 *
 * @example FileClaimSchema.safeParse(body, PARSE_OPTIONS)
 */
export const PARSE_OPTIONS = { error: zodMessage, reportInput: true } as const;

/**
 * A zod issue as field issues: one each, except an unknown key, which names
 * each key it found (its path then ends with the key). The message is the
 * schema's own, except for a missing field, which always "is required".
 *
 * @example issuesOf(zodIssue) // [{ path: ['waybill'], code: 'required', params: {}, message: 'is required' }]
 */
export function issuesOf(
  issue: z.core.$ZodIssue,
): (FieldIssue & { path: readonly PropertyKey[] })[] {
  const { code, params } = codeOf(issue);
  if (issue.code === 'unrecognized_keys') {
    const message = fieldMessage('unknown_field', {});
    return issue.keys.map((key) => ({ path: [...issue.path, key], code, params, message }));
  }
  // A missing field is "required" whatever the schema says about a wrong value.
  const message = code === 'required' ? fieldMessage(code, params) : issue.message;
  return [{ path: issue.path, code, params, message }];
}

/**
 * The field issue of a domain error: the rule's own code (a specific
 * `reason` when it gives one), its params and message.
 *
 * @example domainIssue(new DomainError('currency-mismatch', 'amount is in USD…', '/deliveryCost/currency')).code // 'currency_mismatch'
 */
export function domainIssue(error: DomainError): FieldIssue {
  const code = error.reason ?? error.code.replaceAll('-', '_');
  return {
    code: isCode(code) ? code : 'invalid_input',
    params: { ...error.params },
    message: error.message,
  };
}
