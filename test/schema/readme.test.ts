// Every S call the reference README uses, through the `openws/schema` entry, with its exact output.
import { describe, expect, it } from 'vitest'
import { S } from '../../src/runtime/entries/schema'

function strict(properties: Record<string, unknown>, required = Object.keys(properties)) {
  return { type: 'object', properties, required, additionalProperties: false }
}
const str = { type: 'string' }

describe('reference README payloads', () => {
  it.each([
    ['S.obj({ joinerId: S.str, roomId: S.str })', S.obj({ joinerId: S.str, roomId: S.str }), strict({ joinerId: str, roomId: str })],
    [
      'S.obj({ senderId: S.str, roomId: S.str, text: S.str })',
      S.obj({ senderId: S.str, roomId: S.str, text: S.str }),
      strict({ senderId: str, roomId: str, text: str }),
    ],
    ['S.obj({ userId: S.str, roomId: S.str })', S.obj({ userId: S.str, roomId: S.str }), strict({ userId: str, roomId: str })],
    [
      'S.obj({ userId: S.str, roomId: S.str, text: S.str })',
      S.obj({ userId: S.str, roomId: S.str, text: S.str }),
      strict({ userId: str, roomId: str, text: str }),
    ],
    ['S.obj({ roomId: S.str })', S.obj({ roomId: S.str }), strict({ roomId: str })],
    [
      'S.obj({ roomId: S.str, senderId: S.str, text: S.str, sentAt: S.int })',
      S.obj({ roomId: S.str, senderId: S.str, text: S.str, sentAt: S.int }),
      strict({ roomId: str, senderId: str, text: str, sentAt: { type: 'integer' } }),
    ],
  ])('%s', (_call, builder, expected) => {
    expect(builder.jsonSchema()).toEqual(expected)
    expect(builder.valueOf()).toEqual(expected)
  })

  it('S.int alone', () => {
    expect(S.int.valueOf()).toEqual({ type: 'integer' })
  })
})
