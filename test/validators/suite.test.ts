// The official JSON-Schema-Test-Suite (draft2020-12 and draft7) for the supported keywords and
// formats, run against BOTH the generated code and the interpreter. Groups whose schema uses
// anything outside the subset (per checkSupported) are skipped and counted.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import { checkSupported, SUPPORTED_FORMATS, SUPPORTED_KEYWORDS } from '../../src/runtime/validate/index'
import type { JsonSchema } from '../../src/runtime/ir/types'
import { compileGenerated } from './compile-source'

const ROOT = join(__dirname, '../fixtures/json-schema-test-suite')

interface Case {
  description: string
  data: unknown
  valid: boolean
}
interface Group {
  description: string
  schema: JsonSchema
  tests: Case[]
}

function files(): Array<{ draft: string; keyword: string; file: string }> {
  const out: Array<{ draft: string; keyword: string; file: string }> = []
  for (const draft of ['draft2020-12', 'draft7']) {
    for (const f of readdirSync(join(ROOT, draft)))
      if (f.endsWith('.json')) out.push({ draft, keyword: f.slice(0, -5), file: join(ROOT, draft, f) })
    for (const f of readdirSync(join(ROOT, draft, 'optional/format')))
      out.push({ draft, keyword: 'format:' + f.slice(0, -5), file: join(ROOT, draft, 'optional/format', f) })
  }
  return out
}

/** draft7 ignores the siblings of $ref; openws applies them (2020-12). Such draft7 groups are skipped. */
function hasRefSiblings(s: unknown): boolean {
  if (typeof s !== 'object' || s === null) return false
  if (
    !Array.isArray(s) &&
    '$ref' in s &&
    Object.keys(s).some((k) => k !== '$ref' && !k.startsWith('$') && k !== 'definitions' && k !== 'description' && k !== 'title')
  )
    return true
  return Object.values(s).some(hasRefSiblings)
}

const counts = new Map<string, { run: number; skipped: number; siblings: number }>()

describe('JSON-Schema-Test-Suite', () => {
  for (const { draft, keyword, file } of files()) {
    const groups = JSON.parse(readFileSync(file, 'utf8')) as Group[]
    const count = counts.get(keyword) ?? { run: 0, skipped: 0, siblings: 0 }
    counts.set(keyword, count)
    const runnable = groups.filter((group) => {
      if (checkSupported(group.schema).length > 0) {
        count.skipped += group.tests.length
        return false
      }
      if (draft === 'draft7' && hasRefSiblings(group.schema)) {
        count.siblings += group.tests.length
        return false
      }
      count.run += group.tests.length
      return true
    })
    // A file whose every group is outside the subset (defs.json: metaschema refs) is only counted.
    if (runnable.length === 0) continue
    describe(`${draft}/${keyword}`, () => {
      for (const group of runnable) {
        it(group.description, () => {
          const gen = compileGenerated(group.schema)
          const interp = interpret(group.schema)
          for (const t of group.tests) {
            const label = `${t.description}: ${JSON.stringify(t.data)}`
            expect(gen.is(t.data), `generated is: ${label}`).toBe(t.valid)
            expect(interp.is(t.data), `interpreted is: ${label}`).toBe(t.valid)
            const issues = gen.explain(t.data, 10)
            expect(issues.length === 0, `generated explain: ${label}`).toBe(t.valid)
            expect(interp.explain(t.data, 10), `same issues: ${label}`).toEqual(issues)
          }
        })
      }
    })
  }

  it('prints the supported keywords and case counts', () => {
    const rows = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b))
    const total = rows.reduce((s, [, c]) => ({ run: s.run + c.run, skipped: s.skipped + c.skipped, siblings: s.siblings + c.siblings }), {
      run: 0,
      skipped: 0,
      siblings: 0,
    })
    console.log(
      [
        `supported keywords: ${SUPPORTED_KEYWORDS.join(', ')}`,
        `supported formats: ${SUPPORTED_FORMATS.join(', ')}`,
        'cases per keyword file (draft2020-12 + draft7): run (all pass, both paths) / skipped: schema outside the subset / skipped: draft7 $ref with siblings',
        ...rows.map(([k, c]) => `  ${k.padEnd(26)} ${String(c.run).padStart(4)} / ${c.skipped} / ${c.siblings}`),
        `  ${'total'.padEnd(26)} ${String(total.run).padStart(4)} / ${total.skipped} / ${total.siblings}`,
      ].join('\n'),
    )
    expect(total.run).toBeGreaterThan(1000)
  })
})
