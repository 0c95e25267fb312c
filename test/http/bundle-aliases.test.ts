/**
 * Inside workerd, the Worker's code resolves wrangler.toml's [alias] stand-ins as the deployed
 * bundle does (vitest.config.ts gives the pool the same aliases): the zod these tests exercise,
 * ours and @hono/zod-openapi's, is the one that ships; so is the SDK's event-stream import.
 * What each stand-in leaves out is checked in test/scripts/bundle-aliases.test.ts.
 */
import { z as honoZ } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import * as resolvedZod from 'zod';
import * as leanEventStreams from '../../src/lib/bundle/event-streams';
import * as leanZod from '../../src/lib/bundle/zod';

describe('the aliases in workerd', () => {
  it('`zod` is the stand-in, for our code and for @hono/zod-openapi', () => {
    expect(resolvedZod).toBe(leanZod);
    expect(honoZ).toBe(leanZod.z);
  });

  it("the SDK's event-stream codec is the stand-in", async () => {
    expect(await import('@smithy/core/event-streams')).toBe(leanEventStreams);
  });
});
