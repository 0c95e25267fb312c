// `zod/v4/core` without the members ./zod.ts explains.
import { notBundled } from './not-bundled';
export * from 'zod/v4/core';
export const locales = {};
export const INVALID = Symbol.for('zod.compile.invalid');
export const compile = notBundled('zod', 'compile');
export const compileFn = notBundled('zod', 'compileFn');
export const withParser = notBundled('zod', 'withParser');
export const ZodCompileAsyncError = notBundled('zod', 'ZodCompileAsyncError');
export const ZodCompileUnsupportedError = notBundled('zod', 'ZodCompileUnsupportedError');
