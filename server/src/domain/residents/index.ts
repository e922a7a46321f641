export * from './types';
export * from './mask';
export * from './repository';
export * from './scoring-facts';
export * from './score-summary';
export * from './record-bounds';
