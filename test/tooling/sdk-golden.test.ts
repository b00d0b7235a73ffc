// Generated SDKs are deterministic and reviewed as files: each network below is generated in both
// languages and compared with test/tooling/__golden__/ (UPDATE_GOLDEN=1 rewrites them). The
// TypeScript ones must compile under `tsc --strict`; the Python ones must compile and import.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { NetworkIR } from '../../src/runtime/ir/types'
import { spec } from '../../src/runtime/spec/index'
import { generateSdk, type SdkLanguage } from '../../src/sdk/index'
import { chatNetwork } from '../adapters/fixtures/chat'
import { replyServerBindings } from '../adapters/fixtures/reply'
import { handNetwork } from '../runtime/fixtures/hand-binder'
import { typedShapes } from './fixtures/typed-shapes'

const exec = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')
const golden = join(import.meta.dirname, '__golden__')
const PYTHON = '/usr/bin/python3'

/** Hostile names and data: descriptions that try to close comments and strings, `__proto__` keys. */
function hostile(): NetworkIR {
  return {
    name: 'hostile',
    description: '*/ export const pwned = 1 /* """ \'\'\' \u2028',
    roles: {
      server: {
        'x-openws-host': true,
        messages: {
          'join-room': {
            description: '*/ alert(1) /*\n""" + __import__("os").system("x") + """',
            payload: {
              type: 'object',
              properties: {
                ['__proto__']: { type: 'string' },
                $ref: { type: 'string' },
                'a"b': { const: '*/`${x}`' },
                'x\ny': { enum: ['"', "'", '\\'] },
              },
              required: ['__proto__'],
              additionalProperties: false,
            },
          },
          joinRoom: { payload: { type: 'object' } },
          send: { description: 'clashes with the base class method', payload: true },
          class: { payload: { type: 'integer' } },
        },
      },
      'my-client': { messages: { import: { payload: { type: 'string', pattern: '^[a-z]+$' } }, 'on-send': { payload: { type: 'null' } } } },
    },
  }
}

const NETWORKS: Record<string, NetworkIR> = {
  chat: chatNetwork(),
  typedShapes,
  hand: handNetwork(),
  hostile: hostile(),
  calc: replyServerBindings().binder.network, // request/reply, both directions
}
const FILES: [string, SdkLanguage, string][] = Object.entries(NETWORKS).flatMap(([key, net]) => [
  [key, 'ts', Object.keys(generate(net, 'ts'))[0]],
  [key, 'python', Object.keys(generate(net, 'python'))[0]],
])

function generate(net: NetworkIR, lang: SdkLanguage): Record<string, string> {
  return generateSdk(spec('0.0.2', net.name).network(net).valueOf(), { lang, version: '0.0.0' })
}

describe('generated SDKs', () => {
  it.each(FILES)('%s (%s) matches __golden__/%s', (key, lang, file) => {
    const text = generate(NETWORKS[key], lang)[file]
    expect(generate(NETWORKS[key], lang)[file]).toBe(text) // deterministic
    const path = join(golden, file)
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined
    // Update mode rewrites a stale golden file and still fails, so no run passes against it.
    if (process.env.UPDATE_GOLDEN && current !== text) {
      mkdirSync(golden, { recursive: true })
      writeFileSync(path, text)
      expect.fail(`rewrote __golden__/${file}; run again without UPDATE_GOLDEN`)
    }
    expect(current, `__golden__/${file} is missing: UPDATE_GOLDEN=1 writes it`).toBe(text)
  })

  it('data never becomes code: hostile descriptions stay inside comments and strings', () => {
    const ts = generate(hostile(), 'ts')['hostile.ts']
    expect(ts).not.toMatch(/^\s*export const pwned/m)
    expect(ts).not.toMatch(/^\s*alert\(1\)/m)
    expect(ts).toContain('*\\/ alert(1) /*')
    const py = generate(hostile(), 'python')['hostile.py']
    expect(py).not.toMatch(/^\s*""" \+ __import__/m)
  })

  it('the TypeScript SDKs compile under tsc --strict', async () => {
    const config = join(golden, 'tsconfig.json') // the project's options, strict, over the golden files only
    const result = await exec(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', config], { cwd: root }).then(
      () => '',
      (e: { stdout: string }) => e.stdout,
    )
    expect(result).toBe('')
  }, 120_000) // a whole tsc run: seconds alone, minutes on a busy 2-core machine

  it('the Python SDKs compile, import and validate (Debian python3 with websockets)', async (ctx) => {
    const probe = await exec(PYTHON, ['-c', 'import websockets']).then(
      () => true,
      () => false,
    )
    if (!probe) {
      if (process.env.CI) throw new Error(`${PYTHON} with the websockets library is required in CI (apt-get install python3-websockets)`)
      ctx.skip(`${PYTHON} cannot import websockets: install python3-websockets to run the Python SDK tests`)
    }
    const script = `
import sys, importlib
sys.path.insert(0, sys.argv[1])
chat = importlib.import_module('chat')
hostile = importlib.import_module('hostile')
hand = importlib.import_module('hand')
shapes = importlib.import_module('typed_shapes')
assert chat.validate(chat.ChatClient._SENDS['createRoom'], {'userId': 'a', 'roomId': 'r'}) == []
assert [i['code'] for i in chat.validate(chat.ChatClient._SENDS['createRoom'], {'userId': 1})] == ['required', 'type']
assert hostile.validate(hostile.HostileMyClient._SENDS['join-room'], {'__proto__': 'x'}) == []
assert [i['path'] for i in hostile.validate(hostile.HostileMyClient._SENDS['join-room'], {'__proto__': 1, 'a"b': 2})] == ['/__proto__', '/a"b']
assert hasattr(hostile.HostileMyClient, 'join_room') and hasattr(hostile.HostileMyClient, 'join_room_2') and hasattr(hostile.HostileMyClient, 'class_')
assert hostile.HostileMyClient.send is hostile._RoleClient.send and hasattr(hostile.HostileMyClient, 'send_2')
tree = shapes.TypedShapesClient._SENDS['put-tree']
assert shapes.validate(tree, {'value': 'a', 'children': [{'value': 'b', 'children': []}]}) == []
assert [i['path'] for i in shapes.validate(tree, {'value': 'a', 'children': [{'value': 1, 'children': []}]})] == ['/children/0/value']
join = shapes.TypedShapesClient._SENDS['joinRoom']
assert [i['code'] for i in shapes.validate(join, {'userId': '', 'roomId': 'nope'})] == ['minLength', 'format']
assert shapes.validate(join, {'userId': 'u', 'roomId': '123e4567-e89b-42d3-a456-426614174000', 'profile': {'age': 3}}) == []
print('ok')
`
    const { stdout } = await exec(PYTHON, ['-c', script, golden])
    expect(stdout.trim()).toBe('ok')
  })
})
