// The static value-import graph of our sources, read with oxc-parser: which modules an entry loads
// as soon as it is imported. Type-only imports/exports are erased; `import()` and `require()` are
// lazy and not followed (that is how typed mode loads its peers).
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseSync } from 'oxc-parser'

interface Node {
  type: string
  [k: string]: any
}

/** Value specifiers of one module's static imports and re-exports. */
export function valueImports(file: string): string[] {
  const { program } = parseSync(file, readFileSync(file, 'utf8'), {
    sourceType: 'module',
    lang: file.endsWith('x') ? 'tsx' : 'ts',
  }) as unknown as { program: Node }
  const out: string[] = []
  for (const stmt of program.body as Node[]) {
    const source = stmt.source?.value as string | undefined
    if (!source) continue
    if (stmt.type === 'ImportDeclaration') {
      if (stmt.importKind === 'type') continue
      const specs = stmt.specifiers as Node[]
      // `import { type A } from 'x'` is erased too (verbatimModuleSyntax would keep `import {} from`; we do not write that).
      if (specs.length > 0 && specs.every((s) => s.importKind === 'type')) continue
      out.push(source)
    } else if (stmt.type === 'ExportAllDeclaration' || stmt.type === 'ExportNamedDeclaration') {
      if (stmt.exportKind === 'type') continue
      const specs = (stmt.specifiers ?? []) as Node[]
      if (specs.length > 0 && specs.every((s) => s.exportKind === 'type')) continue
      out.push(source)
    }
  }
  return out
}

function resolveLocal(spec: string, from: string): string | undefined {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return undefined
}

/** Every bare import reachable from `entry`, with the chain of files that leads to it. */
export function reachablePackages(entry: string): Map<string, string[]> {
  return staticGraph(entry).packages
}

/** The files `entry` loads through static value imports, and the packages they import. */
export function staticGraph(entry: string): { files: Set<string>; packages: Map<string, string[]> } {
  const found = new Map<string, string[]>()
  const seen = new Set<string>()
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const spec of valueImports(file)) {
      if (spec.startsWith('.')) {
        const next = resolveLocal(spec, file)
        if (!next) throw new Error(`${file}: cannot resolve ${spec}`)
        visit(next, [...chain, next])
      } else if (!found.has(spec)) found.set(spec, chain)
    }
  }
  visit(entry, [entry])
  return { files: seen, packages: found }
}
