// ctx.transform on fixtures with the real transformer core: snapshots of the output, idempotence,
// source maps that point back into the original, diagnostics with file:line:column.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping'
import { describe, expect, it } from 'vitest'
import { createContext } from '../../src/unplugin/context'
import { foldArtifacts } from '../helpers/normalize'

const dir = join(import.meta.dirname, 'fixtures', 'transform')
const file = (name: string) => join(dir, name).replace(/\\/g, '/')
const read = (name: string) => readFileSync(file(name), 'utf8')
const ctx = createContext({ root: dir })

describe.each(['class-static.ts', 'decorators.ts', 'imported.ts'])('ctx.transform(%s)', (name) => {
  it('matches the snapshot', async () => {
    const out = await ctx.transform(read(name), file(name))
    expect(out?.diagnostics).toEqual([])
    expect(out?.mode).toBe('syntax')
    await expect(foldArtifacts(out!.code)).toMatchFileSnapshot(`__snapshots__/transform/${name}.txt`)
  })

  it('is idempotent: transforming the output again changes nothing', async () => {
    const once = await ctx.transform(read(name), file(name))
    const twice = await ctx.transform(once!.code, file(name))
    expect(twice === undefined || twice.code === once!.code).toBe(true)
  })

  it('leaves no CONFIG reads, decorators or runtime code generation in the bindings call', async () => {
    const { code } = (await ctx.transform(read(name), file(name)))!
    expect(code).not.toMatch(/@WS\.|@role|@handler|@message/)
    expect(code).not.toMatch(/\bnew Function\b|\beval\s*\(/)
    expect(code).toMatch(/compiled(Fluent)?Bindings\(/)
    expect(code).not.toMatch(/\bbindings\(\{/)
  })

  it('returns a source map that points user code back to its original line', async () => {
    const source = read(name)
    const out = (await ctx.transform(source, file(name)))!
    const map = new TraceMap(out.map as never)
    const needle = source.includes('async ping') ? 'async ping' : 'stats()'
    const outLines = out.code.split('\n')
    const line = outLines.findIndex((l) => l.includes(needle))
    const column = outLines[line]!.indexOf(needle)
    const original = originalPositionFor(map, { line: line + 1, column })
    expect(original.line).toBe(source.split('\n').findIndex((l) => l.includes(needle)) + 1)
    expect(original.source).toMatch(new RegExp(`${name.replace('.', '\\.')}$`))
  })
})

describe('ctx.transform diagnostics and dependencies', () => {
  it('names the module an imported schema came from, for watch mode', async () => {
    const out = await ctx.transform(read('imported.ts'), file('imported.ts'))
    expect(out?.dependencies).toEqual([join(dir, '..', 'chat', 'schemas.ts').replace(/\\/g, '/')])
    expect(out?.code.replace(/\\"/g, '"')).toContain('"minLength":1')
  })

  it('warns at the node of a definition it cannot evaluate, and leaves it to the interpreter', async () => {
    const source = read('not-static.ts')
    const out = (await ctx.transform(source, file('not-static.ts')))!
    expect(out.code).toBe(source)
    const [d] = out.diagnostics
    expect(d).toMatchObject({ severity: 'warning', code: 'OPENWS_WARN_NOT_STATIC', file: file('not-static.ts') })
    const lines = source.split('\n')
    expect(lines[d!.line - 1]!.slice(d!.column - 1)).toMatch(/^makeRole/)
  })

  it('reports a wrong definition as an error at its line and column', async () => {
    const source = read('invalid.ts')
    const [d] = (await ctx.transform(source, file('invalid.ts')))!.diagnostics
    expect(d).toMatchObject({ severity: 'error', code: 'OPENWS_ERR_UNKNOWN_FROM_ROLE' })
    expect(d!.line).toBe(source.split('\n').findIndex((l) => l.includes("'nobody'")) + 1)
  })

  it('returns undefined for a file that mentions openws but defines nothing', async () => {
    expect(await ctx.transform(read('plain.ts'), file('plain.ts'))).toBeUndefined()
  })

  it('resolves an imported schema through the bundler resolver when one is given', async () => {
    const seen: string[] = []
    const out = await ctx.transform(read('imported.ts'), file('imported.ts'), {
      resolve: async (spec) => {
        seen.push(spec)
        return join(dir, 'alt-schemas.ts')
      },
    })
    expect(seen).toEqual(['../chat/schemas'])
    expect(out?.code.replace(/\\"/g, '"')).toContain('"maxLength":9')
    expect(out?.code.replace(/\\"/g, '"')).not.toContain('"minLength":1')
    expect(out?.dependencies).toEqual([file('alt-schemas.ts')])
  })

  it('asks the bundler once per import when the files of a build share bundlerAnswers', async () => {
    const seen: string[] = []
    const resolve = async (spec: string) => {
      seen.push(spec)
      return join(dir, 'alt-schemas.ts')
    }
    const bundlerAnswers = new Map<string, string | undefined>()
    const first = await ctx.transform(read('imported.ts'), file('imported.ts'), { resolve, bundlerAnswers })
    const again = await ctx.transform(read('imported.ts'), file('imported.ts'), { resolve, bundlerAnswers })
    expect(seen).toEqual(['../chat/schemas'])
    // The shared answer is the bundler's, not TypeScript's: the second file sees the alias too.
    expect(again?.code).toBe(first?.code)
    expect(again?.code.replace(/\\"/g, '"')).toContain('"maxLength":9')
    expect(again?.dependencies).toEqual([file('alt-schemas.ts')])
  })

  it('falls back to TypeScript resolution when the bundler resolver throws or answers garbage', async () => {
    for (const resolve of [
      async () => {
        throw new Error('nope')
      },
      async () => '/p/styles.css',
      async () => undefined,
    ]) {
      const out = await ctx.transform(read('imported.ts'), file('imported.ts'), { resolve })
      expect(out?.code.replace(/\\"/g, '"')).toContain('"minLength":1')
    }
  })

  it('warns (and leaves the definition to the interpreter) when an imported module cannot be found', async () => {
    const out = await ctx.transform(read('missing-import.ts'), file('missing-import.ts'))
    expect(out?.code).not.toMatch(/compiled(Fluent)?Bindings/)
    expect(out?.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', file: file('missing-import.ts') })])
  })

  it('never calls the core for files outside the filter', async () => {
    const code = read('class-static.ts')
    expect(await ctx.transform(code, '/p/node_modules/pkg/a.ts')).toBeUndefined()
    expect(await ctx.transform(code, '/p/a.css')).toBeUndefined()
    expect(await ctx.transform(code, '\0virtual:a.ts')).toBeUndefined()
    expect(await ctx.transform('const x = 1', file('class-static.ts'))).toBeUndefined()
    expect(await ctx.transform(42 as never, file('class-static.ts'))).toBeUndefined()
  })
})
