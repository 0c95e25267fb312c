import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { issuesOf, PARSE_OPTIONS } from '../../src/http/field-issues';

const Schema = z.strictObject({
  name: z.string().max(5),
  code: z.string().min(3),
  count: z.number().int().max(10),
  tags: z.array(z.string()).min(1).max(2),
  kind: z.enum(['a', 'b']),
  email: z.email().optional(),
});

/** The field issues of `value` against Schema, as path → code, params and message. */
const issuesFor = (value: unknown) => {
  const result = Schema.safeParse(value, PARSE_OPTIONS);
  if (result.success) throw new Error('valid');
  return Object.fromEntries(
    result.error.issues.flatMap(issuesOf).map(({ path, ...issue }) => [path.join('/'), issue]),
  );
};

describe('zod issues in our words, with a stable code', () => {
  it('codes each kind of issue, with the params its message needs', () => {
    const issues = issuesFor({
      name: 'toolong',
      code: 'ab',
      count: 1.5,
      tags: ['x', 'y', 'z'],
      kind: 'c',
      email: 'nope',
      extra: 1,
    });
    expect(issues).toEqual({
      name: {
        code: 'too_long',
        params: { maximum: 5 },
        message: 'must be at most 5 characters long',
      },
      code: {
        code: 'too_short',
        params: { minimum: 3 },
        message: 'must be at least 3 characters long',
      },
      count: { code: 'not_integer', params: {}, message: 'must be a whole number' },
      tags: { code: 'too_many', params: { maximum: 2 }, message: 'must have at most 2 items' },
      kind: {
        code: 'invalid_enum',
        params: { values: ['a', 'b'] },
        message: 'must be one of: a, b',
      },
      email: {
        code: 'invalid_format',
        params: { format: 'email' },
        message: 'must be an e-mail address',
      },
      extra: { code: 'unknown_field', params: {}, message: 'is not a known field' },
    });
  });

  it('says a missing field is required, and a wrong type what it must be', () => {
    const issues = issuesFor({ name: 5, count: 1, tags: [], kind: 'a' });
    expect(issues.code).toEqual({ code: 'required', params: {}, message: 'is required' });
    expect(issues.name).toEqual({
      code: 'invalid_type',
      params: { expected: 'string' },
      message: 'must be a string',
    });
    expect(issues.tags).toMatchObject({ code: 'too_few', params: { minimum: 1 } });
  });

  it('never answers in zod’s words', () => {
    const messages = Object.values(issuesFor({})).map((i) => i.message);
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).not.toMatch(/Invalid|expected .* received/);
  });
});
