export * from './actions';
export * from './chain';
export * from './verify';
export * from './checkpoint';
