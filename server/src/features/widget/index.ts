/**
 * The `<jifen-eligibility>` widget's server side for partner sites and residents: the widget API
 * (self-check and resident results), resident widget tokens, signed statements, the script and the demo page.
 */
export * from './widget-app';
export * from './cors';
