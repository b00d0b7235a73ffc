// The validator inside every generated Python SDK, run over the official JSON-Schema-Test-Suite
// (draft 2020-12 and draft-07) for the same supported subset the TypeScript validators pass:
// each group whose schema openws accepts is checked in Debian's python3.
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'
import { checkSupported } from '../../src/runtime/validate/index'

const exec = promisify(execFile)
const PYTHON = '/usr/bin/python3'
const SUITE = join(import.meta.dirname, '../fixtures/json-schema-test-suite')
const golden = join(import.meta.dirname, '__golden__')

interface Group {
  description: string
  schema: unknown
  tests: { description: string; data: unknown; valid: boolean }[]
}

/** draft7 ignores the siblings of $ref; openws applies them (as 2020-12 does): such groups are skipped, as in the TS suite. */
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

function runnable(): (Group & { file: string })[] {
  const out: (Group & { file: string })[] = []
  for (const draft of ['draft2020-12', 'draft7']) {
    const dirs = [join(SUITE, draft), join(SUITE, draft, 'optional/format')]
    for (const dir of dirs) {
      for (const f of readdirSync(dir)) {
        if (!f.endsWith('.json')) continue
        for (const group of JSON.parse(readFileSync(join(dir, f), 'utf8')) as Group[]) {
          if (checkSupported(group.schema as never).length > 0) continue
          if (draft === 'draft7' && hasRefSiblings(group.schema)) continue
          out.push({ ...group, file: `${draft}/${dir.endsWith('format') ? 'format/' : ''}${f}` })
        }
      }
    }
  }
  return out
}

it('the generated Python validator passes the JSON-Schema-Test-Suite for the supported subset', async (ctx) => {
  const probe = await exec(PYTHON, ['-c', 'import websockets']).then(
    () => true,
    () => false,
  )
  if (!probe) {
    if (process.env.CI) throw new Error(`${PYTHON} with the websockets library is required in CI (apt-get install python3-websockets)`)
    ctx.skip(`${PYTHON} cannot import websockets: install python3-websockets to run the Python SDK tests`)
  }
  const groups = runnable()
  const file = join(mkdtempSync(join(tmpdir(), 'openws-py-suite-')), 'groups.json')
  writeFileSync(file, JSON.stringify(groups))
  const script = String.raw`
import json, sys
sys.path.insert(0, sys.argv[1])
import chat
failures = []
count = 0
for group in json.load(open(sys.argv[2], encoding="utf-8")):
    for case in group["tests"]:
        count += 1
        try:
            valid = chat.validate(group["schema"], case["data"]) == []
        except Exception as error:
            valid = "error: %r" % (error,)
        if valid is not case["valid"]:
            failures.append("%s | %s | %s | %s" % (group["file"], group["description"], case["description"], valid))
print(json.dumps({"count": count, "failures": failures}))
`
  const { stdout } = await exec(PYTHON, ['-c', script, golden, file], { maxBuffer: 16 * 1024 * 1024 })
  const result = JSON.parse(stdout) as { count: number; failures: string[] }
  expect(result.count).toBeGreaterThan(1500)
  console.log(`JSON-Schema-Test-Suite in the generated Python validator: ${result.count} cases, ${result.failures.length} failures`)
  expect(result.failures).toEqual([])
})
