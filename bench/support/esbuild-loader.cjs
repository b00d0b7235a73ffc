// A minimal webpack loader (TypeScript -> JavaScript via esbuild) for the webpack fixture build:
// the repository has no ts-loader, and the fixture only needs types and decorators stripped/lowered.
const { transform } = require('esbuild')

module.exports = function esbuildLoader(source, map) {
  const done = this.async()
  transform(source, {
    loader: 'ts',
    target: 'es2022',
    sourcefile: this.resourcePath,
    sourcemap: 'external',
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true, verbatimModuleSyntax: true } },
  })
    .then((r) => done(null, r.code, r.map || map))
    .catch(done)
}
