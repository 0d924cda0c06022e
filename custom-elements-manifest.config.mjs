// The manifest is generated from the JSDoc of the element classes; `npm test` fails when the
// committed custom-elements.json differs from what this produces.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/bundle.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
