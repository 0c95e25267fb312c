export * from './limits';
export * from './requisites';
export * from './types';
export * from './retention';
