// ESLint (flat config) with typescript-eslint's recommended rules, syntax-only: no type-aware
// rules, so `npm run lint` stays a few seconds on 2 cores. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      '**/out/',
      'examples/*/dist/',
      'src/runtime/envelope/generated.ts',
      'src/ui/.build/',
      'test/**/__golden__/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      // The builders and generic type plumbing need `any` at their edges; every use is local.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `Function` is the honest type of a legacy decorator's target.
      '@typescript-eslint/no-unsafe-function-type': 'off',
      // `{}` is the empty start of the builders' accumulated type state (spec/, contract/).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends', allowObjectTypes: 'always' }],
    },
  },
  {
    // TypeScript itself reports undefined names in .ts files (typescript-eslint's advice).
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // Type tests declare values only to take their types.
    files: ['**/*.test-d.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // Transformer fixtures are inputs, checked by the transformer rather than by tsc.
    files: ['test/**/fixtures/**'],
    rules: { '@typescript-eslint/ban-ts-comment': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
