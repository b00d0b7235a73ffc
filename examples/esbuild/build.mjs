// `npm run build`: bundles the chat server with esbuild. The openws plugin turns the role
// definitions into precompiled validators and dispatch switches at build time.
import { build } from 'esbuild'
import openws from 'openws/esbuild'

await build({
  entryPoints: ['src/server.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/server.mjs',
  packages: 'external',
  sourcemap: true,
  plugins: [openws()],
})
console.log('built dist/server.mjs')
