export * from './types';
export * from './lifecycle';
export * from './objections';
export * from './subjects';
export * from './rank-round';
export * from './recommend';
export * from './repository';
