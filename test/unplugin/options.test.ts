import { describe, expect, it } from 'vitest'
import { createFilter, importPattern, matches } from '../../src/unplugin/filter'
import { resolveOptions } from '../../src/unplugin/options'

const filter = (o = {}) => createFilter(resolveOptions(o))
const OPENWS = "import { S } from 'openws'\n"

describe('plugin options', () => {
  it('defaults to syntax mode, skipping node_modules', () => {
    const o = resolveOptions()
    expect(o.typed).toBe(false)
    expect(o.packages).toEqual(['openws'])
    expect(o.exclude.some((r) => r.test('/a/node_modules/x/index.ts'))).toBe(true)
  })

  it.each([
    [{ typed: 'yes' }],
    [{ packages: [] }],
    [{ packages: ['not a name!'] }],
    [{ include: 42 }],
    [{ include: [/x/, 1] }],
    [{ tsconfig: 3 }],
    [{ includeNodeModules: true, exclude: /[\\/]node_modules[\\/]/ }],
  ])('rejects %j with OPENWS_ERR_INVALID_OPTION', (bad) => {
    expect(() => resolveOptions(bad as never)).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
  })

  it('rejects a non-object', () => {
    expect(() => resolveOptions(null as never)).toThrow(expect.objectContaining({ code: 'OPENWS_ERR_INVALID_OPTION' }))
  })
})

describe('transform filter', () => {
  it.each(['/p/a.ts', '/p/a.tsx', '/p/a.mts', '/p/a.js', '/p/a.mjs', '/p/a.ts?v=123', 'C:\\p\\a.ts'])('takes %s', (id) => {
    expect(matches(filter(), OPENWS, id)).toBe(true)
  })

  it.each(['/p/a.css', '/p/a.json', '/p/node_modules/x/a.ts', '\0virtual:a.ts', '/p/a.d.css'])('skips %s', (id) => {
    expect(matches(filter(), OPENWS, id)).toBe(false)
  })

  it('takes node_modules when asked', () => {
    expect(matches(filter({ includeNodeModules: true }), OPENWS, '/p/node_modules/roles/a.ts')).toBe(true)
  })

  it('skips code that does not import openws', () => {
    expect(matches(filter(), "import { S } from 'openwsx'\n", '/p/a.ts')).toBe(false)
    expect(matches(filter(), 'const openws = 1\n', '/p/a.ts')).toBe(false)
    expect(matches(filter(), "import x from 'other/openws'\n", '/p/a.ts')).toBe(false)
  })

  it('takes a module declaring a static CONFIG: class-first roles whose schemas come from elsewhere', () => {
    expect(matches(filter(), "import { Item } from './schemas'\nexport class R {\n  static CONFIG = {}\n}\n", '/p/roles.ts')).toBe(true)
    expect(matches(filter(), 'const CONFIG = {}\n', '/p/a.ts')).toBe(false)
  })

  it.each(["from 'openws'", 'from "openws/decorator"', "import('openws/fluent')", "require('openws')"])('sees %s', (s) => {
    expect(importPattern(['openws']).test(s)).toBe(true)
  })

  it('honours include/exclude globs and stateful RegExps', () => {
    const f = filter({ include: ['src/**/*.ts'], exclude: /skip/g })
    expect(matches(f, OPENWS, '/p/src/deep/a.ts')).toBe(true)
    expect(matches(f, OPENWS, '/p/lib/a.ts')).toBe(false)
    expect(matches(f, OPENWS, '/p/src/skip.ts')).toBe(false)
    expect(matches(f, OPENWS, '/p/src/skip.ts')).toBe(false)
  })

  it('uses custom package names', () => {
    expect(matches(filter({ packages: ['@acme/ws'] }), "import { S } from '@acme/ws/schema'", '/p/a.ts')).toBe(true)
  })
})
