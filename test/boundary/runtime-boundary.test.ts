// DESIGN principle 5: the runtime never imports build code, and never generates code at run time.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const runtimeDir = join(root, 'src', 'runtime')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|mts|js|mjs)$/.test(name) ? [path] : []
  })
}

const buildOnly = /^(typescript|typia|@typia\/.*|unplugin|magic-string|vite|esbuild|rollup|webpack|@rspack\/.*|ts-patch)$/
const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm

function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
}

describe('src/runtime boundary', () => {
  const files = sourceFiles(runtimeDir)

  it('finds the runtime sources', () => {
    expect(files.length).toBeGreaterThan(5)
  })

  it.each(files.map((f) => [relative(root, f), f]))('%s imports no build-time code', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'))
    for (const [, spec] of code.matchAll(specifiers)) {
      expect(buildOnly.test(spec!), `imports ${spec}`).toBe(false)
      expect(/(^|\/)(transformer|unplugin)(\/|$)/.test(spec!) && spec!.startsWith('.'), `imports ${spec}`).toBe(false)
    }
  })

  // The code generator is build-time code that happens to live beside the runtime (the transformer
  // and the tests call it); nothing that ships may reach it.
  it.each(files.filter((f) => !f.includes(`${join('runtime', 'codegen')}`)).map((f) => [relative(root, f), f]))(
    '%s does not import codegen',
    (_name, file) => {
      const code = stripComments(readFileSync(file, 'utf8'))
      for (const [, spec] of code.matchAll(specifiers)) {
        expect(spec!.startsWith('.') && /(^|\/)codegen(\/|$)/.test(spec!), `imports ${spec}`).toBe(false)
      }
    },
  )

  // Beyond src/runtime too: only the build-time generators (the transformer, and the SDK generator
  // for its safe code builder) may reach codegen; the CLI, the UI and the plugins go through them.
  const mayImportCodegen = [join('src', 'runtime', 'codegen'), join('src', 'transformer'), join('src', 'sdk')]
  const others = sourceFiles(join(root, 'src')).filter(
    (f) => !f.startsWith(runtimeDir) && !mayImportCodegen.some((d) => relative(root, f).startsWith(d)),
  )
  it.each(others.map((f) => [relative(root, f), f]))('%s (outside the runtime) does not import codegen', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'))
    for (const [, spec] of code.matchAll(specifiers)) {
      expect(spec!.startsWith('.') && /(^|\/)codegen(\/|$)/.test(spec!), `imports ${spec}`).toBe(false)
    }
  })

  it.each(files.map((f) => [relative(root, f), f]))('%s uses no eval or new Function', (_name, file) => {
    const code = stripComments(readFileSync(file, 'utf8'))
    expect(code).not.toMatch(/\bnew\s+Function\s*\(|(^|[^.\w$])eval\s*\(|\bFunction\s*\(\s*['"`]/)
  })
})
