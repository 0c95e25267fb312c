import { z } from '@hono/zod-openapi';

const FieldErrorSchema = z
  .object({
    pointer: z.string().optional().openapi({ example: '/packages/0/lengthCm' }),
    parameter: z.string().optional(),
    header: z.string().optional(),
    code: z.string().optional().openapi({
      example: 'invalid_value',
      description:
        'Stable reason (required, invalid_type, too_long, invalid_enum, …): switch on it',
    }),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
      .optional()
      .openapi({
        example: { maximum: 64 },
        description: 'What the message needs: a limit, the allowed values',
      }),
    detail: z.string().openapi({ example: 'must be a positive decimal number of centimetres' }),
  })
  .openapi('FieldError');

/** RFC 9457 problem details: the body of every error answer. */
export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problems/validation-failed' }),
    title: z.string().openapi({ example: 'The request is not valid' }),
    status: z.number().int().openapi({ example: 422 }),
    detail: z.string().openapi({ example: '/packages/0/lengthCm: must be a positive decimal' }),
    instance: z.string().openapi({ example: 'urn:uuid:0b6f1c2e-8a9d-4c1e-9f3a-1d2e3f4a5b6c' }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error answers every JSON-body route can give; spread into `responses`. */
export const bodyErrorResponses = {
  400: problem('The body is not valid JSON'),
  413: problem('The body is larger than the limit'),
  415: problem('The body is not application/json'),
  422: problem('A field is missing or breaks a rule; `errors` names each one'),
  500: problem('Unexpected failure; quote `instance` to support'),
} as const;

/** Error answers of routes without a body. */
export const readErrorResponses = {
  404: problem('No such resource'),
  422: problem('A parameter breaks a rule'),
  500: problem('Unexpected failure; quote `instance` to support'),
} as const;

export { problem as problemResponseSpec };
