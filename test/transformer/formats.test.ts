// Format checks in compiled code: the transformer passes exactly the checks a network's schemas
// name (imported one by one from `openws`), so the others stay out of bundles; validation is the
// same interpreted, compiled and through ts-patch.
import { describe, expect, it } from 'vitest'
import * as openws from '../../src/runtime/entries/index'
import type { BindingsCore } from '../../src/runtime/contract/types'
import { harness } from '../../src/runtime/harness/index'
import { transformSource } from '../../src/transformer/core/index'
import { generateValidator } from '../../src/runtime/codegen/index'
import { generateArtifact } from '../../src/runtime/codegen/artifact'
import { FORMAT_CHECKS, formatExportName } from '../../src/runtime/validate/formats'
import { loadFixture, transformFixture } from '../helpers/transformer-load'
import { loadTspatchFixture } from '../helpers/tspatch'

const CASES: Array<[string, string, string, string]> = [
  ['date-time', 'dateTime', '2024-05-01T10:00:00Z', '2024-05-01 10:00'],
  ['date', 'date', '2024-02-29', '2023-02-29'],
  ['time', 'time', '23:59:60Z', '10:00:00'],
  ['email', 'email', 'a@example.com', 'a@@example.com'],
  ['uuid', 'uuid', '2eb8aa08-aa98-11ea-b4aa-73b441d16380', '2eb8aa08-aa98-11ea-b4aa'],
  ['uri', 'uri', 'https://example.com/a?b#c', '//no-scheme'],
  ['ipv4', 'ipv4', '192.168.0.1', '256.1.1.1'],
  ['ipv6', 'ipv6', '::1', '1:::2'],
]

describe('format checks', () => {
  it('every format has its own export in openws, the same function the interpreter uses', () => {
    for (const [format, check] of Object.entries(FORMAT_CHECKS)) {
      expect((openws as Record<string, unknown>)[formatExportName(format)], format).toBe(check)
    }
    expect(formatExportName('date-time')).toBe('formatDateTime')
  })

  it('the transformer passes exactly the formats the network names', () => {
    const code = [
      "import { bindings, S } from 'openws'",
      "class C { static CONFIG = { name: 'c', messages: { a: { payload: S.obj({ at: S.str.format('date-time') }) } } } }",
      "class H { static CONFIG = { name: 'h', handlers: { b: { payload: S.arr(S.str.format('uuid')), from: [C] } } }\n  b() {} }",
      "export const x = bindings({ name: 'n', roles: [C, H] })",
    ].join('\n')
    const out = transformSource(code, '/virtual/formats.ts', { mode: 'syntax' })!.code
    expect(out).toMatch(/formats: \{ "date-time": [\w$]+\.formatDateTime, "uuid": [\w$]+\.formatUuid \}/)
    expect(out).not.toMatch(/formatEmail|formatUri|formatIpv/)
    const none = transformSource(code.replace(/\.format\('[a-z-]+'\)/g, ''), '/virtual/plain.ts', { mode: 'syntax' })!.code
    expect(none).not.toMatch(/formats:/)
  })

  it('the generator says which format checks its validators read, and only those', () => {
    expect(
      generateValidator({
        $defs: { d: { anyOf: [{ format: 'ipv6' }] } },
        properties: { format: { type: 'string' }, a: { $ref: '#/$defs/d' } },
      }).formats,
    ).toEqual(['ipv6'])
    expect(generateValidator({ $defs: { d: { format: 'ipv6' } }, type: 'string' }).formats).toEqual([])
    // A message the host neither receives nor may send is not validated: its format is not needed.
    const network = {
      name: 'n',
      roles: {
        h: { 'x-openws-host': true, messages: { in: { payload: { format: 'uuid' } } } },
        c: { messages: { out: { payload: { format: 'email' } }, notFromHost: { payload: { format: 'uri' }, from: ['d'] } } },
        d: { messages: {} },
      },
    }
    expect(generateArtifact({ network: network as never, hostRole: 'h', maxDepth: 64 }).formats).toEqual(['email', 'uuid'])
  })

  it('the fixture names all eight formats in its compiled call', () => {
    const out = transformFixture('formats-server.ts', { runtimeModule: 'openws' })!.code
    for (const format of Object.keys(FORMAT_CHECKS)) expect(out).toContain(`.${formatExportName(format)}`)
  })

  it.each(['interpreted', 'compiled', 'ts-patch'] as const)('%s: each format accepts its value and rejects a near miss', async (mode) => {
    const mod =
      mode === 'ts-patch'
        ? await loadTspatchFixture<{ binder: BindingsCore }>('formats-server.ts')
        : await loadFixture<{ binder: BindingsCore }>('formats-server.ts', mode)
    expect(mod.binder.compiled === undefined).toBe(mode === 'interpreted')
    const client = harness(mod.binder).connect('client')
    for (const [field, key, good, bad] of CASES) {
      await client.send('check', { field, value: { [key]: good } })
      expect(client.frames.at(-1), `${field} ${good}`).toMatchObject({ messageName: 'ok', payload: { field } })
      await client.send('check', { field, value: { [key]: bad } })
      expect(client.frames.at(-1), `${field} ${bad}`).toMatchObject({
        messageName: '$error',
        payload: { code: 'OPENWS_ERR_INVALID_PAYLOAD' },
      })
    }
  })
})
