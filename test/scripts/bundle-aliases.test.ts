import { z as honoZ } from '@hono/zod-openapi';
import * as resolvedEventStreams from '@smithy/core/event-streams';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import * as resolvedZod from 'zod';
import * as realCore from 'zod/v4/core';
// zod's own entry, by file: past the alias every test project now applies.
import * as realZod from '../../node_modules/zod/index.js';
import * as leanEventStreams from '../../src/lib/bundle/event-streams';
import * as leanZod from '../../src/lib/bundle/zod';
import * as leanCore from '../../src/lib/bundle/zod-core';

// The SDK's own event-stream module, as Node loads it (no alias reaches a require).
const realEventStreams: object = createRequire(import.meta.url)('@smithy/core/event-streams');

const LEFT_OUT_OF_ZOD = ['locales', 'compile', 'withParser', 'fromJSONSchema'];
const LEFT_OUT_OF_CORE = ['locales', 'compile', 'compileFn', 'withParser'];
const STAND_INS = ['ZodCompileAsyncError', 'ZodCompileUnsupportedError'];

function differing(a: object, b: object): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys]
    .filter((k) => (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k])
    .sort();
}

describe('bundle-only module stand-ins (wrangler.toml [alias])', () => {
  it('wrangler.toml points each alias at its stand-in (as wrangler reads it)', () => {
    expect(unstable_readConfig({ config: 'wrangler.toml' }).alias).toEqual({
      zod: './src/lib/bundle/zod.ts',
      '@smithy/core/event-streams': './src/lib/bundle/event-streams.ts',
    });
  });

  // vitest.config.ts gives every project the same aliases: these imports went through them.
  it('the tests run what the bundle ships: `zod` is the stand-in, for us and for hono', () => {
    expect(resolvedZod).toBe(leanZod);
    expect(honoZ).toBe(leanZod.z);
    expect(resolvedEventStreams).toBe(leanEventStreams);
  });

  it('the lean zod is zod, except the members it leaves out', () => {
    const diff = differing(realZod, leanZod).filter((k) => !['core', 'z', 'default'].includes(k));
    expect(diff).toEqual([...LEFT_OUT_OF_ZOD, ...STAND_INS].sort());
    expect(leanZod.z).toBe(leanZod);
    expect(leanZod.default).toBe(leanZod);
    expect(leanZod.z.string).toBe(realZod.z.string);
    expect(leanZod.INVALID).toBe(realZod.INVALID);
  });

  it('its core is zod/v4/core, except the members it leaves out', () => {
    expect(leanZod.core).toBe(leanCore);
    expect(differing(realCore, leanCore)).toEqual([...LEFT_OUT_OF_CORE, ...STAND_INS].sort());
    expect(leanCore.INVALID).toBe(realCore.INVALID);
  });

  it('a left-out member says so when called', () => {
    expect(() => leanZod.fromJSONSchema()).toThrow(/left out of the Worker bundle/);
    expect(() => leanCore.compile()).toThrow(/zod's compile is left out/);
  });

  it('validation through the lean zod answers exactly as zod does (English messages)', () => {
    const input = { weightKg: 5, tags: ['a', 3] };
    const real = realZod.z
      .object({ weightKg: realZod.z.string(), tags: realZod.z.array(realZod.z.string()) })
      .safeParse(input);
    const lean = leanZod.z
      .object({ weightKg: leanZod.z.string(), tags: leanZod.z.array(leanZod.z.string()) })
      .safeParse(input);
    expect(lean.error?.issues).toEqual(real.error?.issues);
    expect(lean.error?.issues[0]?.message).toBe('Invalid input: expected string, received number');
  });

  it('the event-stream stand-in has what the SDK loads from it, and refuses to run', () => {
    expect(Object.keys(leanEventStreams).sort()).toEqual(
      ['EventStreamSerde', 'eventStreamSerdeProvider'].filter((k) => k in realEventStreams),
    );
    expect(() => leanEventStreams.eventStreamSerdeProvider()).toThrow(/event-streams/);
  });
});
