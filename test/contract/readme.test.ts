// The README's three chat examples compile under strict tsc (TypeScript 5.9 API), with
// `openws`, `openws/decorator`, `openws/fluent` and `openws/spec` mapped to our entry points.
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..', '..')
const entry = (name: string) => [join(root, 'src', 'runtime', 'entries', `${name}.ts`)]

const options: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  useDefineForClassFields: true,
  rootDir: root,
  paths: {
    openws: entry('index'),
    'openws/decorator': entry('decorator'),
    'openws/fluent': entry('fluent'),
    'openws/spec': entry('spec'),
    'openws/schema': entry('schema'),
    'openws/client': [join(root, 'src', 'runtime', 'adapters', 'client', 'index.ts')],
  },
}

const readme = (file: string) => join(here, 'readme', file).replaceAll('\\', '/')
const CONTRACTS = ['contract', 'contract-decorator', 'contract-fluent']
const FILES = [
  'class-first.ts',
  'decorator.ts',
  'fluent.ts',
  ...CONTRACTS.flatMap((d) => ['chat.contract.ts', 'server.ts', 'browser.ts'].map((f) => `${d}/${f}`)),
  'reply/calc.contract.ts',
  'reply/server.ts',
  'reply/browser.ts',
]
/** In memory only: the class-first example with one wrong payload, to prove the check can fail. */
const BROKEN = readme('__broken__.ts')

function brokenSource(): string {
  const source = ts.sys.readFile(readme('class-first.ts'))!
  const wrong = source.replace('await api.joinedRoom({ roomId, joinerId: userId })', 'await api.joinedRoom({ roomId, joinerId: 42 })')
  expect(wrong).not.toBe(source)
  return wrong
}

/** One program for all files (parsing the libs once), diagnostics grouped by file. */
let cached: Map<string, string[]> | undefined
function diagnostics(): Map<string, string[]> {
  if (cached) return cached
  const host = ts.createCompilerHost(options)
  const broken = brokenSource()
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (f) => f === BROKEN || fileExists.call(host, f)
  host.readFile = (f) => (f === BROKEN ? broken : readFile.call(host, f))
  host.getSourceFile = (f, lang, ...rest) =>
    f === BROKEN ? ts.createSourceFile(f, broken, lang) : getSourceFile.call(host, f, lang, ...rest)
  const roots = [...FILES.map(readme), BROKEN]
  const program = ts.createProgram(roots, options, host)
  const out = new Map<string, string[]>(roots.map((f) => [f, []]))
  const global: string[] = []
  for (const d of [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics(), ...ts.getPreEmitDiagnostics(program)]) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, '\n')
    if (!d.file || d.start === undefined) {
      global.push(text)
      continue
    }
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
    const where = `${relative(root, d.file.fileName)}:${line + 1}:${character + 1} ${text}`
    // The examples' own files, and our contract sources they pull in; other areas test their own.
    if (out.has(d.file.fileName)) out.get(d.file.fileName)!.push(where)
    else if (d.file.fileName.includes('/src/runtime/contract/')) global.push(where)
  }
  out.set('global', global)
  cached = out
  return out
}

describe('README examples type-check', () => {
  it('no option, global or contract-source diagnostics', () => {
    expect(ts.version).toMatch(/^5\.9\./)
    expect(diagnostics().get('global')).toEqual([])
  }, 180_000)

  it.each(FILES)('%s: zero diagnostics under strict tsc', (file) => {
    expect(diagnostics().get(readme(file))).toEqual([])
  })

  it('the shared contract example builds the server and the client bindings', async () => {
    const { binder } = await import('./readme/contract/server')
    expect(binder.hostRole).toBe('server')
    expect(Object.keys(binder.network.roles)).toEqual(['server', 'client'])
  })

  // (The decorator example runs in test/transformer/contract-styles.test.ts: vitest does not lower decorators.)
  it.each(['contract-fluent'])('the %s example hosts the server on one end, the client on the other', async (dir) => {
    const { binder } = (await import(`./readme/${dir}/server.ts`)) as { binder: { hostRole: string; network: object } }
    const { clientBinder } = (await import(`./readme/${dir}/browser.ts`)) as { clientBinder: { hostRole: string; network: object } }
    expect([binder.hostRole, clientBinder.hostRole]).toEqual(['server', 'client'])
    const unmark = (n: object) => JSON.stringify(n, (k, v) => (k === 'x-openws-host' ? undefined : v))
    expect(unmark(clientBinder.network)).toBe(unmark(binder.network))
  })

  it('a wrong payload in the class-first example is caught (the check is not vacuous)', () => {
    const found = diagnostics().get(BROKEN)!
    expect(found).toHaveLength(1)
    expect(found[0]).toMatch(/__broken__\.ts:\d+:\d+ .*number/)
  })
})
