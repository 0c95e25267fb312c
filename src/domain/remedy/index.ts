export * from './errors';
export * from './rules';
export * from './types';
