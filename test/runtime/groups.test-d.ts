// Types of groups: `to`/`toConnection` return the role's typed outbound API; groupsOf is exported
// by the three authoring entries; by-name calls and presence return promises.
import { describe, expectTypeOf, it } from 'vitest'
import * as Decorator from '../../src/runtime/entries/decorator'
import * as Fluent from '../../src/runtime/entries/fluent'
import * as WS from '../../src/runtime/entries/index'
import type { Client } from './fixtures/rooms'

type ClientApi = WS.Api<typeof Client>

describe('groups types', () => {
  it('to() is the typed API of the role', () => {
    const groups = WS.groupsOf({} as ClientApi)
    const api = groups.to<ClientApi>('room:r', 'client', { except: {} as ClientApi })
    expectTypeOf(api.said).parameter(0).toEqualTypeOf<Parameters<ClientApi['said']>[0]>()
    expectTypeOf(api.said).returns.toEqualTypeOf<ReturnType<ClientApi['said']>>()
    expectTypeOf(groups.toConnection<ClientApi>('id', 'client')).toEqualTypeOf<ClientApi>()
    expectTypeOf(groups.broadcast('g', 'client', 'said', {})).toEqualTypeOf<Promise<void>>()
    expectTypeOf(groups.members('g')).toEqualTypeOf<Promise<string[]>>()
    expectTypeOf(groups.idOf).returns.toBeString()
  })

  it('every authoring entry exports groupsOf', () => {
    expectTypeOf(Fluent.groupsOf).toEqualTypeOf(WS.groupsOf)
    expectTypeOf(Decorator.groupsOf).toEqualTypeOf(WS.groupsOf)
  })
})
