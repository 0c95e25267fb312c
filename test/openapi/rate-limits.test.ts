import { describe, expect, it } from 'vitest';
import { getDoc, isKeyedPath, operations } from './document';

describe('the rate limits in the OpenAPI document', () => {
  it('are a 429 with Retry-After on every keyed operation and every calculator, nowhere else', async () => {
    const doc = await getDoc();
    for (const { path, method, op } of operations(doc)) {
      const where = `${method} ${path}`;
      const limited = isKeyedPath(path) || op.tags?.includes('calculators');
      const answer = op.responses['429'];
      if (!limited) {
        expect(answer, where).toBeUndefined();
        continue;
      }
      expect(answer?.headers?.['Retry-After'], where).toEqual({
        $ref: '#/components/headers/Retry-After',
      });
      expect(answer?.content?.['application/problem+json'], where).toBeDefined();
    }
    const problem = doc.components.schemas.Problem as {
      properties: { type: { enum: string[] } };
    };
    expect(problem.properties.type.enum).toContain('/problems/rate-limited');
  });
});
