// The syntax tree the core works on: oxc-parser's ESTree (+ TS-ESTree) with UTF-16 `start`/`end`
// offsets. oxc gives no parent pointers; `parseModule` links them once (the evaluator walks up
// from a reference to its declaration), and every node knows its file through its root.
import { parseSync, visitorKeys } from 'oxc-parser'

/** An ESTree node. Fields are read by `type`; the helpers below keep the checks in one place. */
export interface Node {
  type: string
  start: number
  end: number
  // Fields are read by node type (oxc's typed union would need a cast at every step).
  [field: string]: any
}

/** A parsed module: what a TypeScript SourceFile was to the core (file name, text, root node). */
export interface ParsedFile {
  fileName: string
  text: string
  program: Node
  /** Offsets where lines start (computed on first need, for diagnostics). */
  lineStarts?: number[]
}

const parents = new WeakMap<object, Node>()
const files = new WeakMap<object, ParsedFile>()

/** Parses a module the one way every path does, with parent links. Syntax errors are left to the bundler. */
export function parseModule(id: string, code: string): ParsedFile {
  const { program } = parseSync(cleanId(id), code, { sourceType: 'module', lang: langOf(id) }) as unknown as { program: Node }
  const file: ParsedFile = { fileName: id, text: code, program }
  files.set(program, file)
  link(program)
  return file
}

function cleanId(id: string): string {
  return id.replace(/[?#].*$/, '')
}

/**
 * Query strings from bundlers ignored; unknown extensions are read as TypeScript. JavaScript may
 * hold JSX (as TypeScript's parser allows in .js files), so every JS file is read as JSX.
 */
export function langOf(id: string): 'ts' | 'tsx' | 'jsx' {
  const clean = cleanId(id)
  if (/\.tsx$/.test(clean)) return 'tsx'
  if (/\.(m|c)?ts$/.test(clean)) return 'ts'
  return /\.(m|c)?jsx?$/.test(clean) ? 'jsx' : 'ts'
}

function link(root: Node): void {
  // Iterative: a 1000-message fluent chain nests deeper than the stack likes.
  const stack: Node[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    forEachChild(node, (child) => {
      parents.set(child, node)
      stack.push(child)
    })
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

/** The direct children of `node` in source order. */
export function forEachChild(node: Node, visit: (child: Node) => void): void {
  const keys = (visitorKeys as Record<string, string[] | undefined>)[node.type] ?? Object.keys(node)
  for (const key of keys) {
    const value = node[key]
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) visit(v)
    } else if (isNode(value)) visit(value)
  }
}

/** Depth-first, parents before children, in source order. */
export function walk(node: Node, visit: (node: Node) => void): void {
  const stack: Node[] = [node]
  while (stack.length > 0) {
    const n = stack.pop()!
    visit(n)
    const children: Node[] = []
    forEachChild(n, (c) => children.push(c))
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
}

export function parentOf(node: Node): Node | undefined {
  return parents.get(node)
}

/** The file a node was parsed from. */
export function fileOf(node: Node): ParsedFile {
  let n = node
  for (let p = parents.get(n); p; p = parents.get(n)) n = p
  const file = files.get(n)
  if (!file) throw new Error(`openws: a ${node.type} node without a parsed file`)
  return file
}

/**
 * Where a node starts as TypeScript's `getStart()` says: a decorated class at its first decorator,
 * an exported declaration at `export` (modifiers belong to the declaration there).
 */
export function startOf(node: Node): number {
  const first = Array.isArray(node.decorators) ? (node.decorators[0] as Node | undefined) : undefined
  const start = first ? Math.min(first.start, node.start) : node.start
  const parent = parents.get(node)
  const exported = (parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration') && parent.declaration === node
  return exported ? Math.min(parent.start, start) : start
}

export function textOf(node: Node): string {
  return fileOf(node).text.slice(node.start, node.end)
}

/** 0-based line and UTF-16 column of an offset (line breaks as TypeScript counts them). */
export function lineAndColumn(file: ParsedFile, offset: number): { line: number; column: number } {
  const starts = (file.lineStarts ??= lineStartsOf(file.text))
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: lo, column: offset - starts[lo]! }
}

function lineStartsOf(text: string): number[] {
  const out = [0]
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++
      out.push(i + 1)
    } else if (c === 10 || c === 0x2028 || c === 0x2029) out.push(i + 1)
  }
  return out
}

// ---- node tests shared by the core ------------------------------------------------------------

/** `'x'`, or a template without substitutions. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined
  return undefined
}

/** A non-computed property key's name (identifier or string literal). */
export function keyName(owner: Node): string | undefined {
  if (owner.computed) return undefined
  const key = owner.key as Node | undefined
  if (!key) return undefined
  if (key.type === 'Identifier') return key.name
  return key.type === 'Literal' && typeof key.value === 'string' ? key.value : undefined
}

/** `obj.name` (not `obj[name]`, not `obj.#name`): the property name. */
export function memberName(node: Node): string | undefined {
  return node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined
}

/** `a.b` -> 'b'; `a.#b` -> '#b' (never a data key). */
export function memberKey(node: Node): string {
  return node.property.type === 'PrivateIdentifier' ? `#${node.property.name}` : node.property.name
}

/** `{ a: x }` or `{ a() {} }` in an object literal (what TypeScript calls a property assignment). */
export function isPlainProperty(node: Node): boolean {
  return node.type === 'Property' && node.kind === 'init' && !node.method && !node.shorthand
}

/** An instance or static method of a class (not a constructor or accessor). */
export function isClassMethod(node: Node): boolean {
  return (node.type === 'MethodDefinition' || node.type === 'TSAbstractMethodDefinition') && node.kind === 'method'
}

export function isClass(node: Node): boolean {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression'
}

export function isFunction(node: Node): boolean {
  return (
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression' ||
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'TSDeclareFunction' ||
    node.type === 'TSEmptyBodyFunctionExpression'
  )
}

/** `import x from`, `import { a as b }`, `import * as n`: the imported name, or 'default' / '*'. */
export function importedName(spec: Node): string {
  if (spec.type === 'ImportDefaultSpecifier') return 'default'
  if (spec.type === 'ImportNamespaceSpecifier') return '*'
  return moduleExportName(spec.imported)
}

/** An identifier or the string of `import { "a b" as c }` / `export { x as "a b" }`. */
export function moduleExportName(node: Node): string {
  return node.type === 'Identifier' ? node.name : String(node.value)
}

/** A span of source text: [start, end) in UTF-16 offsets. Every node is one. */
export interface Range {
  start: number
  end: number
}

export function within(node: Range, ranges: readonly Range[]): boolean {
  return ranges.some((r) => node.start >= r.start && node.end <= r.end)
}

/** `from: X` or `from: [.., X, ..]` in an object literal (a message's or a decorator's options). */
export function inFromList(node: Node): boolean {
  let at = node
  let parent = parentOf(at)
  if (parent?.type === 'ArrayExpression') {
    at = parent
    parent = parentOf(at)
  }
  return parent?.type === 'Property' && parent.value === at && !parent.computed && keyName(parent) === 'from'
}
