// A generated 50-file project: 10 schema modules (S builders and JSON Schema literals), 10 role
// modules (one host with 10 handlers, 9 remote roles), 28 plain utility modules that never import
// openws (most of a real app), one network module calling bindings(), one entry.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROLES = 10
const SCHEMAS = 10
const UTILS = 28

export interface Project {
  dir: string
  entry: string
  /** The schema module the rebuild benchmark edits. */
  editable: string
  /** Writes a new constraint into `editable`; returns the text the rebuilt bundle must contain. */
  edit(minimum: number): string
  files: number
}

export function generateProject(dir: string): Project {
  const files: Record<string, string> = {}
  const schema = (i: number, minimum: number) => `import { S } from 'openws'

/** Payload of handler h${i}. */
export const Item${i} = S.obj({ id: S.str.min(1), n: S.int.min(${minimum}), tags: S.arr(S.str).optional() })

export const Ref${i} = { type: 'object', properties: { id: { type: 'string' }, at: { type: 'integer' } }, required: ['id'] } as const
`
  for (let i = 0; i < SCHEMAS; i++) files[`src/schemas/s${i}.ts`] = schema(i, 0)

  const remotes = Array.from({ length: ROLES - 1 }, (_, k) => k + 1)
  files['src/roles/r0.ts'] = `${remotes.map((i) => `import { Role${i} } from './r${i}'`).join('\n')}
${remotes.map((i) => `import { Item${i} } from '../schemas/s${i}'`).join('\n')}
import { Item0 } from '../schemas/s0'

export class Server {
  static CONFIG = {
    name: 'server',
    handlers: {
      h0: { payload: Item0, from: [${remotes.map((i) => `Role${i}`).join(', ')}] },
${remotes.map((i) => `      h${i}: { payload: Item${i}, from: [Role${i}] },`).join('\n')}
    },
  }

${Array.from({ length: ROLES }, (_, i) => `  h${i}(p: { id: string; n: number }) {\n    return p.n + ${i}\n  }`).join('\n\n')}
}
`
  for (const i of remotes) {
    files[`src/roles/r${i}.ts`] = `import { Ref${i} } from '../schemas/s${i}'

export class Role${i} {
  static CONFIG = {
    name: 'role${i}',
    description: 'Remote role ${i}',
    messages: { m${i}: { payload: Ref${i} }, n${i}: { payload: { type: 'string', maxLength: ${i + 10} } } },
  }
}
`
  }

  for (let i = 0; i < UTILS; i++) {
    files[`src/util/u${i}.ts`] = `${i > 0 ? `import { f${i - 1}, type T${i - 1} } from './u${i - 1}'\n` : ''}
export interface T${i} {
  id: number
  label: string
  children: T${i}[]
}

export function f${i}(n: number): number {
  ${i > 0 ? `return f${i - 1}(n) + ${i}` : 'return n'}
}

export function make${i}(id: number, label = 'item-${i}'): T${i} {
  return { id, label, children: Array.from({ length: id % 3 }, (_, k) => ({ id: id * 10 + k, label: label + k, children: [] })) }
}

export const table${i} = new Map<string, number>(${JSON.stringify(Array.from({ length: 8 }, (_, k) => [`k${k}`, k * i]))})
${i > 0 ? `export type Pair${i} = [T${i}, T${i - 1}]\n` : ''}`
  }

  files['src/network.ts'] = `import { bindings } from 'openws'
import { Server } from './roles/r0'
${remotes.map((i) => `import { Role${i} } from './roles/r${i}'`).join('\n')}

export const binder = bindings({ name: 'bench', description: 'generated', roles: [Server, ${remotes.map((i) => `Role${i}`).join(', ')}] })
`
  files['src/main.ts'] = `import { runtime } from 'openws'
import { binder } from './network'
import { f${UTILS - 1}, make${UTILS - 1} } from './util/u${UTILS - 1}'

const rt = runtime(binder)
console.log(rt.hostRole, f${UTILS - 1}(1), make${UTILS - 1}(4).children.length)
`
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  const editable = join(dir, 'src/schemas/s3.ts')
  return {
    dir,
    entry: join(dir, 'src/main.ts'),
    editable,
    edit(minimum) {
      writeFileSync(editable, schema(3, minimum))
      return `"minimum":${minimum}`
    },
    files: Object.keys(files).length,
  }
}
