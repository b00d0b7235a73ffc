// @role, @message and @handler. Each works as a TC39 standard decorator (TypeScript 5 default)
// and as a legacy experimentalDecorators one; which one ran is told by the argument shape:
// TC39 passes (value, context with a string `kind`), legacy passes (target, key, descriptor).
// Decorators only record; bindings() reads the records. Method bodies are never wrapped.
import { openwsError } from '../../openws-error'
import { isPlainObject } from '../shared/plain'
import { show } from '../shared/show'
import { recordMember, recordRole, type MemberDecoration } from './store'
import type { HandlerOptions, MessageDecorator, MessageOptions, MethodDecorator, RoleDecorator, RoleOptions } from './types'

const ROLE_KEYS = ['name', 'description', 'version', 'endpoints']
const MESSAGE_KEYS = ['payload', 'reply', 'description', 'name']
const HANDLER_KEYS = ['payload', 'reply', 'description', 'name', 'from']

interface DecoratorContextLike {
  kind: string
  name?: unknown
  static?: boolean
  private?: boolean
  metadata?: unknown
}

function isTc39Context(value: unknown): value is DecoratorContextLike {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string'
}

/** Declares a role: `@role({name?, description?, version?, endpoints?})`. */
export function role(options: RoleOptions = {}): RoleDecorator {
  const checked = checkOptions('@role', options ?? {}, ROLE_KEYS)
  return function roleDecorator(value: unknown, context?: unknown): void {
    if (typeof value !== 'function') throw misuse('@role', 'decorates classes')
    if (isTc39Context(context)) {
      if (context.kind !== 'class') throw misuse('@role', `decorates classes, not a ${context.kind}`)
      const metadata = typeof context.metadata === 'object' && context.metadata !== null ? context.metadata : undefined
      recordRole(value, { options: checked, metadata })
      return
    }
    recordRole(value, { options: checked })
  } as RoleDecorator
}

/** Declares a message a remote role accepts; the method body never runs. */
export function message<const P>(options: MessageOptions<P> = {}): MessageDecorator<P> {
  return member('message', '@message', checkOptions('@message', options, MESSAGE_KEYS)) as MessageDecorator<P>
}

/** Declares the host method that handles a message, and which roles may send it. */
export function handler<const P>(options: HandlerOptions<P> = {}): MethodDecorator<P> {
  return member('handler', '@handler', checkOptions('@handler', options, HANDLER_KEYS)) as MethodDecorator<P>
}

function member(kind: MemberDecoration['kind'], label: string, options: Record<string, unknown>) {
  return function memberDecorator(target: unknown, keyOrContext: unknown, descriptor?: unknown): void {
    if (isTc39Context(keyOrContext)) {
      const context = keyOrContext
      if (context.kind !== 'method') throw misuse(label, `decorates methods, not a ${context.kind}`)
      if (context.static) throw misuse(label, 'decorates instance methods, not static ones')
      if (context.private || typeof context.name !== 'string')
        throw misuse(label, 'cannot decorate private or symbol-named methods: the runtime calls handlers by name')
      if (typeof target !== 'function') throw misuse(label, 'decorates methods')
      const owner = typeof context.metadata === 'object' && context.metadata !== null ? context.metadata : target
      recordMember(owner, { kind, key: context.name, options })
      return
    }
    // Legacy: (prototype, key, descriptor). A static method would pass the constructor.
    if (typeof target === 'function') throw misuse(label, 'decorates instance methods, not static ones')
    if (typeof target !== 'object' || target === null || typeof keyOrContext !== 'string') {
      throw misuse(label, `was called with unexpected arguments (${show(target)}, ${show(keyOrContext)})`)
    }
    const method = (descriptor as PropertyDescriptor | undefined)?.value ?? Object.getOwnPropertyDescriptor(target, keyOrContext)?.value
    if (typeof method !== 'function') throw misuse(label, 'decorates methods, not fields or accessors')
    const cls = Object.getOwnPropertyDescriptor(target, 'constructor')?.value
    if (typeof cls !== 'function') throw misuse(label, 'decorates methods of a class')
    recordMember(cls, { kind, key: keyOrContext, options })
  }
}

function checkOptions(label: string, options: unknown, allowed: string[]): Record<string, unknown> {
  if (!isPlainObject(options)) throw openwsError('OPENWS_ERR_INVALID_OPTION', `${label} needs an options object, got ${show(options)}`)
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key) && !key.startsWith('x-')) {
      throw openwsError(
        'OPENWS_ERR_INVALID_OPTION',
        `${label} got unknown option ${JSON.stringify(key)}; expected ${allowed.join(', ')} or x- extensions`,
      )
    }
  }
  // An ABSENT payload means "the method's parameter type", which the transformer fills in at build
  // time (bindings() throws OPENWS_ERR_TRANSFORMER_REQUIRED if it did not run); `payload: undefined` is a mistake.
  if (allowed.includes('payload') && Object.prototype.hasOwnProperty.call(options, 'payload') && options.payload === undefined) {
    throw openwsError('OPENWS_ERR_INVALID_SCHEMA', `${label} needs a payload: an S builder or a JSON Schema`)
  }
  return { ...options }
}

function misuse(label: string, what: string) {
  return openwsError('OPENWS_ERR_INVALID_OPTION', `${label} ${what}`)
}
