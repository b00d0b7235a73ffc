import { defineConfig } from 'tsup'

// One entry per public import path (see DESIGN.md, "Public API").
export const entries = {
  index: 'src/runtime/entries/index.ts',
  schema: 'src/runtime/entries/schema.ts',
  decorator: 'src/runtime/entries/decorator.ts',
  fluent: 'src/runtime/entries/fluent.ts',
  spec: 'src/runtime/entries/spec.ts',
}

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  splitting: true,
  treeshake: true,
})
