// The public entry `openws/schema` exposes S (with S.Infer) and the standalone exports.
import { expectTypeOf, it } from 'vitest'
import { S, obj, str, int, null_, enum_, const_, type Infer, type PayloadType, type SchemaBuilder } from '../../src/runtime/entries/schema'

it('S.Infer and the standalone factories through the entry', () => {
  const room = S.obj({ roomId: S.str, senderId: S.str, text: S.str, sentAt: S.int })
  expectTypeOf<S.Infer<typeof room>>().toEqualTypeOf<{ roomId: string; senderId: string; text: string; sentAt: number }>()
  const same = obj({ roomId: str, sentAt: int, gone: null_, kind: enum_('a', 'b'), v: const_(2) })
  expectTypeOf<Infer<typeof same>>().toEqualTypeOf<{ roomId: string; sentAt: number; gone: null; kind: 'a' | 'b'; v: 2 }>()
  expectTypeOf<PayloadType<typeof S.null>>().toEqualTypeOf<null>()
  expectTypeOf(S.enum).toEqualTypeOf(enum_)
  expectTypeOf(S.str).toMatchTypeOf<SchemaBuilder<string>>()
})
