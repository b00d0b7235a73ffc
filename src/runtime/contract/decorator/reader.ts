// Reads a decorated class into a ClassRole: @role options plus its @message / @handler methods.
import { openwsError } from '../../errors'
import { fromList, type ClassMessage, type ClassRole } from '../shared/class-role'
import { safeName, show } from '../shared/show'
import { memberDecorations, roleDecoration } from './store'
import { requireTransformedPayload } from './transformer-required'

/** undefined when the class carries neither @role nor any member decoration. */
export function readDecoratedRole(cls: Function): ClassRole | undefined {
  const roleDeco = roleDecoration(cls)
  const decorations = memberDecorations(cls)
  if (!roleDeco && decorations.length === 0) return undefined
  const kinds = new Set(decorations.map((d) => d.kind))
  if (kinds.size > 1) {
    throw openwsError(
      'OPENWS_ERR_INVALID_OPTION',
      `${show(cls)} mixes @message and @handler: the host role has handlers, other roles have messages`,
    )
  }
  for (const { kind, key, options } of decorations) requireTransformedPayload(options.payload, kind, safeName(cls) || 'the anonymous class', key)
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
    implemented: kinds.has('handler'),
    messages,
    extra: extensions(options),
    syntax: 'decorators',
  }
}

function extensions(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(obj).filter((k) => k.startsWith('x-'))
  return keys.length === 0 ? undefined : Object.fromEntries(keys.map((k) => [k, obj[k]]))
}
