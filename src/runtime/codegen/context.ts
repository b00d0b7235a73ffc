// What every keyword emitter shares: where the value is, how a failure is expressed, hoisted
// constants. Two modes: 'is' (boolean, stop at the first failure) and 'ex' (collect issues into
// the array `c` until it holds `m` issues, then return from the generated function).
import type { SchemaNode } from '../validate/prepare'
import { EXTRA_HELPERS, type ExtraHelpers } from '../validate/helpers'
import { Code, Name, Scope, _, join, nil } from './code'

export type Mode = 'is' | 'ex'

/** Depth of the current value: `base + k`, with `base` null in units entered at a known depth. */
export interface Depth {
  base: Name | null
  k: number
}

export interface Place {
  /** A name holding the value. */
  v: Name
  /** Expression for the value's JSON Pointer (only evaluated when an issue is pushed). */
  path: Code
  depth: Depth
  /**
   * 'ex' mode: a property of the validator's root object (its path is `"" + "/key"`, built
   * without allocating), where a shared explain function may be called (see ./node.ts).
   */
  rootProperty?: boolean
}

export interface Emit {
  mode: Mode
  /** 'is' mode: the statement that signals failure (`return false;` or `break L;`). */
  fail: Code
  /**
   * 'is' mode inside a generated `is` function: the statement (`break S;`) after which its explain
   * twin decides the function's result (`return SL(ex, v, d);`, see ./index.ts), taken when an object's prototype is not a
   * clean Object.prototype (see emitIsOpenShape). Absent in the 'is' code that explain runs (for
   * anyOf, oneOf, not), which drops inherited values in place instead.
   */
  slow?: Code
}

export interface UnitNames {
  is: Name
  ex: Name
}

/**
 * What the validators of one generated unit share: unique names, hoisted constants, regular
 * expressions, format checks and the extra helpers called. A standalone validator has its own; an
 * artifact passes one pool to all of its validators, so each constant, pattern and format check is
 * written once per artifact (see ./artifact.ts).
 */
export class Pool {
  readonly scope = new Scope()
  readonly hoisted: Code[] = []
  readonly constants = new Map<string, Name>()
  readonly regexps = new Map<string, Name>()
  readonly formats = new Map<string, Name>()
  readonly helpers = new Set<keyof ExtraHelpers>()
  /**
   * How often each shareable sub-schema (shareKey) occurs across the unit's schemas, when the unit
   * has several (an artifact): an explain() body of one that occurs more than once is written once,
   * as a function in `hoisted` (`sharedEx`), and called (see ./node.ts: sharedExplain).
   */
  shareCounts: Map<string, number> | undefined
  readonly sharedEx = new Map<string, Name>()
  /** Functions testing that Object.prototype has none of a set of keys (openSafeStatement), by key list. */
  readonly openSafe = new Map<string, Name>()

  /** What the generated code needs from `h` beyond coreHelpers: extra helpers and format checks. */
  used(): { helpers: (keyof ExtraHelpers)[]; formats: string[] } {
    return {
      helpers: (Object.keys(EXTRA_HELPERS) as (keyof ExtraHelpers)[]).filter((n) => this.helpers.has(n)),
      formats: [...this.formats.keys()].sort(),
    }
  }
}

export class Gen {
  readonly scope: Scope
  readonly hoisted: Code[]
  readonly units = new Map<SchemaNode, UnitNames>()
  readonly pending: SchemaNode[] = []
  /**
   * Keys the open-shape 'is' code of the function being emitted reads (emitIsOpenShape): its
   * `const U = !(k in OP) && ...;` (OPEN_SAFE) is written at the top of that function. Reset per function.
   */
  openKeys = new Set<string>()
  private readonly constants: Map<string, Name>
  private readonly regexps: Map<string, Name>
  private readonly formats: Map<string, Name>
  private readonly helpers: Set<keyof ExtraHelpers>

  constructor(
    readonly maxDepth: number,
    readonly pool: Pool = new Pool(),
  ) {
    this.scope = pool.scope
    this.hoisted = pool.hoisted
    this.constants = pool.constants
    this.regexps = pool.regexps
    this.formats = pool.formats
    this.helpers = pool.helpers
  }

  /** Function names for a ref target, emitting its functions later. */
  unit(node: SchemaNode): UnitNames {
    let u = this.units.get(node)
    if (u === undefined) {
      u = { is: this.scope.name('is'), ex: this.scope.name('ex') }
      this.units.set(node, u)
      this.pending.push(node)
    }
    return u
  }

  /** A data value as an expression: primitives inline, objects parsed once from JSON text. */
  constant(value: unknown): Code {
    if (typeof value !== 'object' || value === null) return _`${value}`
    const json = JSON.stringify(value)
    let name = this.constants.get(json)
    if (name === undefined) {
      name = this.scope.name('k')
      // JSON.parse (not an object literal): a "__proto__" key stays an own data property.
      this.hoisted.push(_`const ${name} = JSON.parse(${json});`)
      this.constants.set(json, name)
    }
    return name
  }

  primitiveSet(values: unknown[]): Name {
    const name = this.scope.name('s')
    this.hoisted.push(_`const ${name} = new Set(JSON.parse(${JSON.stringify(values)}));`)
    return name
  }

  regexp(source: string): Name {
    let name = this.regexps.get(source)
    if (name === undefined) {
      name = this.scope.name('r')
      this.hoisted.push(_`const ${name} = new RegExp(${source}, "u");`)
      this.regexps.set(source, name)
    }
    return name
  }

  /** `h.<name>` of an extra helper, recorded so the generator can say which ones its code calls. */
  helper(name: keyof ExtraHelpers): Code {
    this.helpers.add(name)
    return new Code(`h.${name}`)
  }

  /** What the generated code needs from `h` beyond coreHelpers: extra helpers and format checks. */
  used(): { helpers: (keyof ExtraHelpers)[]; formats: string[] } {
    return this.pool.used()
  }

  format(format: string): Name {
    let name = this.formats.get(format)
    if (name === undefined) {
      name = this.scope.name('f')
      this.hoisted.push(_`const ${name} = h.formats[${format}];`)
      this.formats.set(format, name)
    }
    return name
  }
}

/** The statement for a failed check: `fail` in 'is' mode, push-and-maybe-return in 'ex' mode. */
export function failure(e: Emit, path: Code, code: string, expected?: Code, received?: Code): Code {
  if (e.mode === 'is') return e.fail
  // Absent trailing arguments arrive as undefined: leaving them out keeps bundles smaller.
  const args = received !== undefined ? _`, ${expected ?? _`undefined`}, ${received}` : expected !== undefined ? _`, ${expected}` : _``
  return _`if (add(c, ${path}, ${code}${args}) >= m) return;`
}

export function depthCode(depth: Depth): Code {
  return depth.base === null ? _`${depth.k}` : depth.k === 0 ? depth.base : _`${depth.base} + ${depth.k}`
}

export function deeper(depth: Depth): Depth {
  return { base: depth.base, k: depth.k + 1 }
}

/**
 * The depth generated code descends to is read at run time: `MD`, hoisted per validator as
 * `h.maxDepth` when that is above the depth the code was generated for (`g.maxDepth`), else
 * `g.maxDepth`. So `MD >= g.maxDepth` always, and a level below g.maxDepth is never too deep
 * (a lower runtime limit is applied before validating: see tooDeepAt).
 */
export const MAX_DEPTH = new Name('MD')

/** Per call of a generated function: Object.prototype has none of the keys its open shapes read (Gen.openKeys). */
export const OPEN_SAFE = new Name('U')

/**
 * The statement defining OPEN_SAFE for the keys in `g.openKeys`, then clears them; empty when none.
 * The `in` tests are a function of the pool (one per set of keys), called: written inline they
 * took 15 bytes of bytecode per key, and V8 inlines an `is` function only up to 460 bytes (it
 * still inlines the small function into it).
 */
export function openSafeStatement(g: Gen): Code {
  const keys = [...g.openKeys]
  g.openKeys = new Set()
  if (keys.length === 0) return _``
  const id = JSON.stringify(keys)
  let name = g.pool.openSafe.get(id)
  if (name === undefined) {
    name = g.scope.name('u')
    g.pool.openSafe.set(id, name)
    g.hoisted.push(
      _`function ${name}() { return ${join(
        keys.map((key) => _`!(${key} in OP)`),
        _` && `,
      )}; }`,
    )
  }
  return _`const ${OPEN_SAFE} = ${name}(); `
}

/**
 * Built-ins generated code calls on every node, under short names hoisted once per validator
 * (only those it uses): `Object.getPrototypeOf(v)` is 28 bytes minified, `GP(v)` 5. V8 inlines
 * them through the call site's feedback all the same (measured: the open-shape guard of the 'is'
 * path, emitIsOpenShape, is folded away as when written out, and its bytecode is smaller).
 */
export const BUILTINS = {
  GP: { name: new Name('GP'), value: new Code('Object.getPrototypeOf') },
  IA: { name: new Name('IA'), value: new Code('Array.isArray') },
  NF: { name: new Name('NF'), value: new Code('Number.isFinite') },
  NI: { name: new Name('NI'), value: new Code('Number.isInteger') },
  /** `received` of most issues. */
  KD: { name: new Name('KD'), value: new Code('h.kind') },
  /** explain()'s 'type' issue (../validate/helpers.ts: typeIssue), one call where `add(…, KD(v))` was written out. */
  TY: { name: new Name('TY'), value: new Code('h.ty') },
  /** The open-shape 'is' code's slow path (a prototype that is not a clean Object.prototype). */
  OV: { name: new Name('OV'), value: new Code('h.ownValue') },
  /** explain()'s 'required' and 'additionalProperties' issues (../validate/helpers.ts). */
  RI: { name: new Name('RI'), value: new Code('h.ri') },
  AI: { name: new Name('AI'), value: new Code('h.ai') },
  CL: { name: new Name('CL'), value: new Code('h.cpLen') },
  /** The 'is' code's slow path (Emit.slow): an explain function run to its first issue decides. */
  SL: { name: new Name('SL'), value: new Code('(x, v, d) => { const c = []; x(v, "", d, c, 1); return c.length === 0; }') },
  ES: { name: new Name('ES'), value: new Code('h.esc') },
}

/** `false` when the depth test is static, else a condition `depth >= MD`. */
export function tooDeep(g: Gen, depth: Depth): false | Code {
  if (depth.base === null) return depth.k < g.maxDepth ? false : _`${depth.k} >= ${MAX_DEPTH}`
  return depth.k === 0 ? _`${depth.base} >= ${MAX_DEPTH}` : _`${depth.base} + ${depth.k} >= ${MAX_DEPTH}`
}

/** Path of a child: parent + "/" + escaped token (a static string) or + dynamic expression. */
export function childPath(parent: Code, token: string): Code {
  return _`${parent} + ${'/' + token}`
}

export { nil }
