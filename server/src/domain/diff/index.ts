export * from './types';
export * from './describe-condition';
export * from './json-patch';
export * from './diff';
export * from './case-outcomes';
