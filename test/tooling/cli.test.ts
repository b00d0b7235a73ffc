// The openws CLI: run() in-process for every command, and the real executable once (exit codes,
// a TypeScript module through tsx).
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/run'
import { specJson } from '../../src/runtime/adapters/spec-document'
import { spec } from '../../src/runtime/spec/index'
import { chatNetwork } from '../adapters/fixtures/chat'

const root = resolve(import.meta.dirname, '../..')
const fixtures = join(import.meta.dirname, 'fixtures', 'cli')
const tmp = mkdtempSync(join(tmpdir(), 'openws-cli-'))

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await run(argv, { cwd: fixtures, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) })
  return { code, stdout, stderr }
}

function writeSpec(name: string, edit: (net: any) => void = () => {}): string {
  const net = chatNetwork()
  edit(net)
  const file = join(tmp, name)
  writeFileSync(file, JSON.stringify(spec('0.0.2', 'chat').network(net).valueOf()))
  return file
}

describe('openws (in-process)', () => {
  it('--help, --version, no arguments', async () => {
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: openws <command>')
    expect((await cli('diff', '--help')).stdout).toContain('Usage: openws diff')
    expect((await cli('help', 'sdk')).stdout).toContain('Usage: openws sdk')
    const version = await cli('--version')
    expect(version).toMatchObject({ code: 0, stdout: `${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n` })
    expect((await cli()).code).toBe(2)
  })

  it('usage errors exit with 2', async () => {
    expect(await cli('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') })
    expect(await cli('spec', '--nope', 'x.json')).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--nope'") })
    expect(await cli('diff', 'a.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('diff takes 2 inputs, got 1') })
    expect(await cli('sdk', 'x.json', '-o', 'out')).toMatchObject({ code: 2, stderr: expect.stringContaining('sdk needs --lang') })
    expect(await cli('sdk', '--lang', 'cobol', 'x.json', '-o', 'out')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown --lang "cobol"'),
    })
    expect(await cli('spec', 'notes.txt')).toMatchObject({ code: 2, stderr: expect.stringContaining(join(fixtures, 'notes.txt')) })
  })

  it('spec <module.ts>: the bindings of a TypeScript module as an OpenWS document', async () => {
    const out = await cli('spec', 'roles.ts')
    expect(out.code).toBe(0)
    const doc = JSON.parse(out.stdout)
    expect(doc.openws).toBe('0.0.2')
    expect(doc.networks.chat.roles.server['x-openws-host']).toBe(true)
    expect(doc.networks.chat.roles.server.messages.createRoom.from).toEqual(['client'])
    // exactly what the adapters serve at {path}/spec.json
    const { binder } = await import('./fixtures/cli/roles')
    expect(doc).toEqual(JSON.parse(specJson(binder)))
  })

  it('spec --export picks one of several; without it the choice is a usage error naming them', async () => {
    expect(await cli('spec', 'two-networks.mjs')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('several networks (alpha, beta): choose one with --export'),
    })
    const beta = await cli('spec', 'two-networks.mjs', '--export', 'beta')
    expect(Object.keys(JSON.parse(beta.stdout).networks)).toEqual(['beta'])
    expect(await cli('spec', 'two-networks.mjs', '--export', 'gamma')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('has no export "gamma"'),
    })
    expect(await cli('spec', 'two-networks.mjs', '--export', 'notANetwork')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is not a valid OpenWS document'),
    })
  })

  it('spec -o writes the file', async () => {
    const file = join(tmp, 'out', 'chat.json')
    expect((await cli('spec', 'roles.ts', '-o', file)).code).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8')).networks.chat).toBeDefined()
  })

  it('asyncapi <spec.json|module>', async () => {
    const fromJson = await cli('asyncapi', writeSpec('chat.json'))
    expect(fromJson.code).toBe(0)
    expect(JSON.parse(fromJson.stdout)).toMatchObject({ asyncapi: '3.1.0', channels: { 'chat.client': { address: '/chat/client' } } })
    const fromModule = await cli('asyncapi', 'roles.ts')
    expect(JSON.parse(fromModule.stdout).servers['chat.server.0'].pathname).toBe('/chat')
    expect(await cli('asyncapi', 'roles.ts', '--network', 'nope')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no network "nope"'),
    })
  })

  it('validate: 0 for a valid document; 1 naming the file and every issue otherwise', async () => {
    expect(await cli('validate', writeSpec('valid.json'))).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('valid OpenWS 0.0.2 document (1 network: chat)'),
    })
    const bad = await cli('validate', 'invalid.json')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(`${join(fixtures, 'invalid.json')} is not a valid OpenWS document`)
    expect(bad.stderr).toContain('$bad')
    expect(await cli('validate', 'missing.json')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`cannot read ${join(fixtures, 'missing.json')}: ENOENT`),
    })
    writeFileSync(join(tmp, 'broken.json'), '{ nope')
    expect(await cli('validate', join(tmp, 'broken.json'))).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${join(tmp, 'broken.json')} is not valid JSON`),
    })
  })

  it('diff: exit 1 and a report on breaking changes, 0 otherwise; --json', async () => {
    const old = writeSpec('old.json')
    const stricter = writeSpec(
      'stricter.json',
      (n) => (n.roles.server.messages.createRoom.payload.properties.roomId = { type: 'string', minLength: 3 }),
    )
    const looser = writeSpec('looser.json', (n) => n.roles.server.messages.createRoom.payload.required.pop())
    const text = await cli('diff', old, stricter)
    expect(text.code).toBe(1)
    expect(text.stdout).toBe(
      'Breaking changes (1):\n  chat.server.createRoom at /properties/roomId: minLength added (3) (received by server) [payload-stricter]\n',
    )
    const ok = await cli('diff', old, looser, '--json')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual({
      breaking: [],
      nonBreaking: [
        {
          kind: 'payload-looser',
          breaking: false,
          network: 'chat',
          role: 'server',
          message: 'createRoom',
          path: '',
          detail: 'property "roomId" no longer required (received by server)',
        },
      ],
    })
    expect((await cli('diff', old, old)).stdout).toBe('No breaking changes.\n')
  })
})

describe('openws sdk', () => {
  it('writes the SDK of a spec file or a module into -o dir', async () => {
    const dir = join(tmp, 'sdk')
    const py = await cli('sdk', '--lang', 'python', writeSpec('sdk.json'), '-o', dir)
    expect(py).toMatchObject({ code: 0, stderr: `wrote ${join(dir, 'chat.py')}\n` })
    expect(readFileSync(join(dir, 'chat.py'), 'utf8')).toContain('class ChatClient(_RoleClient):')
    const ts = await cli('sdk', '-l', 'ts', 'roles.ts', '-o', dir, '--role', 'client')
    expect(ts.code).toBe(0)
    expect(readFileSync(join(dir, 'chat.ts'), 'utf8')).toContain(
      'export class ChatClient extends RoleClient<ChatClientSends, ChatClientReceives>',
    )
    expect(await cli('sdk', '-l', 'ts', 'roles.ts', '-o', dir, '--role', 'nobody')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no role "nobody" can connect'),
    })
    expect(await cli('sdk', '-l', 'ts', 'roles.ts')).toMatchObject({ code: 2, stderr: expect.stringContaining('sdk needs -o <dir>') })
  })
})

describe('openws (the executable)', () => {
  const exec = promisify(execFile)
  const main = join(root, 'src', 'cli', 'main.ts')
  const bin = (...args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', main, ...args], { cwd: root }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    )

  it('exit codes 0, 1, 2 and a TypeScript module through the tsx loader', async () => {
    const [version, usage, failure, specOut] = await Promise.all([
      bin('--version'),
      bin('nope'),
      bin('validate', join(fixtures, 'invalid.json')),
      bin('spec', join(fixtures, 'roles.ts')),
    ])
    expect(version.code).toBe(0)
    expect(usage.code).toBe(2)
    expect(failure.code).toBe(1)
    expect(failure.stderr).toContain('invalid.json is not a valid OpenWS document')
    expect(specOut.code).toBe(0)
    expect(JSON.parse(specOut.stdout).networks.chat.roles.client.messages.joinedRoom).toBeDefined()
  })
})
