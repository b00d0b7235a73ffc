// Outbound API types: what a handler's `api` argument (a connected peer) can be asked to do.
import type { PayloadType } from '../../schema/index'

type AnyClass = abstract new (...args: any) => any

/** A role declared with static CONFIG: one method per entry of `CONFIG.messages`. */
export type ConfigApi<Messages> = {
  [K in keyof Messages & string]: (payload: PayloadType<Messages[K] extends { payload: infer P } ? P : unknown>) => Promise<void>
}

type MethodKeys<I> = { [K in keyof I & string]: I[K] extends (...args: any) => any ? K : never }[keyof I & string]
/**
 * What a decorated message stub without a payload parameter accepts: nothing (decorators cannot
 * carry the schema's type to `Api`). The property name is the compile error's hint.
 */
export interface UntypedMessageStub {
  readonly 'openws: type the payload as the stub\'s first parameter, e.g. joinedRoom(_: S.Infer<typeof Joined>) {}': never
}
/** The first parameter's type; `UntypedMessageStub` (uncallable) for a method that declares none. */
type FirstParam<F> = F extends (...args: infer A) => any ? (A extends [] ? UntypedMessageStub : A[0]) : UntypedMessageStub

/**
 * A decorated role: decorators cannot change types, so the API mirrors the class's methods,
 * each payload typed by the method's first parameter (which `@message`/`@handler` check against
 * the schema); a stub that declares none cannot be called.
 */
export type MethodApi<I> = { [K in MethodKeys<I>]: (payload: FirstParam<I[K]>) => Promise<void> }

/**
 * `Api<typeof Client>`: the outbound API of a connected peer playing role `Client`.
 * Calling a message the peer does not accept is a type error; so is (for CONFIG roles) a wrong payload.
 */
export type Api<C> = C extends { CONFIG: { messages: infer M } }
  ? ConfigApi<M>
  : C extends { CONFIG: { handlers: infer M } }
    ? ConfigApi<M>
    : C extends AnyClass
    ? MethodApi<InstanceType<C>>
    : never

/** The messages a CONFIG role accepts: `messages`, or `handlers` for a role declared as host. */
type ConfigMessages<C> = C extends { CONFIG: { messages: infer M } } ? M : C extends { CONFIG: { handlers: infer M } } ? M : never

/** The payload type of message `K` of CONFIG role `C` (`S.Infer` of its schema). */
export type Payload<C, K extends keyof ConfigMessages<C>> = PayloadType<ConfigMessages<C>[K] extends { payload: infer P } ? P : unknown>

/**
 * What implementing CONFIG role `C` takes: one handler per message, its first parameter typed
 * from the message's schema. `class ServerImpl extends Server implements Handlers<typeof Server>`
 * makes a missing handler or a parameter of the wrong type a compile error.
 */
export type Handlers<C> = {
  [K in keyof ConfigMessages<C> & string]: (payload: Payload<C, K>, api: any) => unknown
}

/** Alias of Api. */
export type Peer<C> = Api<C>

/** A loosely typed peer API: any message name, any payload. */
export type ApiProto = { [messageName: string]: (payload?: any) => Promise<void> }

/** Typed peer API from a message-name -> payload-type map (fluent roles). */
export type ApiOf<Messages> = { [K in keyof Messages & string]: (payload: Messages[K]) => Promise<void> }

/**
 * The messages of CONFIG role class `C` whose handler method (an own or inherited method named
 * like the message) cannot take every payload its schema allows; `never` when all can. A payload
 * whose type is not inferred (plain JSON Schema: `unknown`) is not checked.
 */
export type MismatchedHandlers<C> = [ConfigMessages<C>] extends [never]
  ? never
  : C extends abstract new (...args: any) => infer I
  ? {
      [K in keyof ConfigMessages<C> & keyof I & string]: I[K] extends (payload: infer P, ...rest: any) => any
        ? unknown extends Payload<C, K> ? never : [Payload<C, K>] extends [P] ? never : K
        : never
    }[keyof ConfigMessages<C> & keyof I & string]
  : never

/** `bindings({ roles })` checks each role class: a handler whose payload parameter does not fit its schema is a type error. */
export type CheckedRoles<R extends readonly unknown[]> = {
  [I in keyof R]: [MismatchedHandlers<R[I]>] extends [never] ? unknown : 0 extends 1 & MismatchedHandlers<R[I]> ? unknown : { 'openws: the payload parameter of these handlers does not match their schema': MismatchedHandlers<R[I]> }
}
