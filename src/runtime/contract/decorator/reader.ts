// Reads a decorated class into a ClassRole: @role options plus its @message / @handler methods.
import { openwsError } from '../../openws-error'
import { fromList, type ClassMessage, type ClassRole } from '../shared/class-role'
import { safeName, show } from '../shared/show'
import { inheritedRole, memberDecorations, type InheritedDecoration } from './store'
import { requireTransformedPayload } from './transformer-required'

/**
 * undefined when the class carries neither @role nor any member decoration (its own or an
 * ancestor's: a subclass of a decorated contract class plays the contract's role).
 */
export function readDecoratedRole(cls: Function): ClassRole | undefined {
  const found = inheritedRole(cls)
  const roleDeco = found?.decoration
  const decorations = memberDecorations(cls)
  if (!roleDeco && decorations.length === 0) return undefined
  const kinds = new Set(decorations.map((d) => d.kind))
  if (kinds.size > 1) {
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      `${show(cls)} mixes @message and @handler: the host role has handlers, other roles have messages`,
    )
  }
  for (const { kind, key, options } of decorations)
    requireTransformedPayload(options.payload, kind, safeName(cls) || 'the anonymous class', key)
  const messages: ClassMessage[] = decorations.map(({ key, options }) => ({
    name: options.name ?? key,
    method: key,
    payload: options.payload,
    reply: options.reply,
    description: options.description,
    from: fromList(options.from),
    extra: extensions(options),
  }))
  const options = roleDeco?.options ?? {}
  return {
    name: options.name,
    description: options.description,
    version: options.version,
    endpoints: options.endpoints,
    host: kinds.has('handler'),
    implemented: overridesAny(cls, decorations),
    declaredBy: found?.declaredOn ?? decorations[decorations.length - 1]?.declaredOn,
    messages,
    extra: extensions(options),
    syntax: 'decorators',
  }
}

/**
 * A decorated method overridden below the class that declared it: the class implements a contract
 * class's stubs. (A class whose own methods carry @handler is the classic host: `host`, not this.)
 */
function overridesAny(cls: Function, decorations: InheritedDecoration[]): boolean {
  const proto = (cls as { prototype?: Record<string, unknown> }).prototype
  return decorations.some(({ key, declaredOn }) => {
    if (declaredOn === cls) return false
    try {
      return typeof proto?.[key] === 'function' && proto[key] !== (declaredOn as { prototype?: Record<string, unknown> }).prototype?.[key]
    } catch {
      return false
    }
  })
}

function extensions(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(obj).filter((k) => k.startsWith('x-'))
  return keys.length === 0 ? undefined : Object.fromEntries(keys.map((k) => [k, obj[k]]))
}
