// Runs after tsup (`npm run build`): what tsup cannot express.
// The bundler plugins' CommonJS build sets `module.exports = plugin` (a function that is also its
// own `default`, see src/unplugin/entry.ts), so their .d.cts must say `export =`, not
// `export default`: arethetypeswrong's FalseExportDefault, and a TypeScript webpack config without
// esModuleInterop crashed on `(0, webpack_1.default) is not a function`.
import { readFileSync, writeFileSync } from 'node:fs'

for (const name of ['vite', 'esbuild', 'rollup', 'webpack', 'rspack']) {
  const file = new URL(`dist/${name}.d.cts`, import.meta.url)
  const text = readFileSync(file, 'utf8')
  const fixed = text.replace(/^export \{ (\w+) as default \};$/m, 'export = $1;')
  if (fixed === text) throw new Error(`dist/${name}.d.cts: no \`export { x as default }\` to turn into \`export =\``)
  writeFileSync(file, fixed)
}
