export * from './requisites';
export * from './types';
