export { addDays, weekday } from './day';
export * from './overrides';
export * from './working-days';
export * from './coverage';
