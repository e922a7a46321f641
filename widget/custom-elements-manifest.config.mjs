// Generates widget/custom-elements.json from the element's JSDoc (@event, @csspart, @cssproperty).
export default {
  globs: ['widget/src/**/jifen-eligibility.component.ts', 'widget/src/**/jifen-eligibility.ts'],
  outdir: 'widget',
  litelement: true,
};
