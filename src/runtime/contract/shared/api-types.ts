// Outbound API types: what a handler's `api` argument (a connected peer) can be asked to do.
import type { PayloadType } from '../../schema/index'
import type { RequestOptions } from '../../session/requests'

type AnyClass = abstract new (...args: any) => any

type PayloadOf<E> = PayloadType<E extends { payload: infer P } ? P : unknown>

/**
 * One outbound method: a message with a `reply` schema is a request (`options` and a promise of
 * the reply's type); one without keeps `(payload) => Promise<void>`.
 */
export type ConfigMethod<E> = E extends { reply: infer R }
  ? (payload: PayloadOf<E>, options?: RequestOptions) => Promise<PayloadType<R>>
  : (payload: PayloadOf<E>) => Promise<void>

/** A role declared with static CONFIG: one method per entry of `CONFIG.messages`. */
export type ConfigApi<Messages> = {
  [K in keyof Messages & string]: ConfigMethod<Messages[K]>
}

type MethodKeys<I> = { [K in keyof I & string]: I[K] extends (...args: any) => any ? K : never }[keyof I & string]
/**
 * What a decorated message stub without a payload parameter accepts: nothing (decorators cannot
 * carry the schema's type to `Api`). The property name is the compile error's hint.
 */
export interface UntypedMessageStub {
  readonly "openws: type the payload as the stub's first parameter, e.g. joinedRoom(_: S.Infer<typeof Joined>) {}": never
}
/** The first parameter's type; `UntypedMessageStub` (uncallable) for a method that declares none. */
type FirstParam<F> = F extends (...args: infer A) => any ? (A extends [] ? UntypedMessageStub : A[0]) : UntypedMessageStub

/**
 * A decorated role: decorators cannot change types, so the API mirrors the class's methods,
 * each payload typed by the method's first parameter (which `@message`/`@handler` check against
 * the schema); a stub that declares none cannot be called.
 */
export type MethodApi<I> = { [K in MethodKeys<I>]: MethodCall<I[K]> }

/** A stub returning nothing is one-way; one that returns a value (its reply schema's type) is a request. */
type MethodCall<F> = F extends (...args: any) => infer Ret
  ? [Awaited<Ret>] extends [void]
    ? (payload: FirstParam<F>) => Promise<void>
    : (payload: FirstParam<F>, options?: RequestOptions) => Promise<Awaited<Ret>>
  : never

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
  [K in keyof ConfigMessages<C> & string]: (payload: Payload<C, K>, api: any) => HandlerResult<ConfigMessages<C>[K]>
}

/** What a handler returns: its reply (or a promise of it) for a request, anything for a one-way message. */
type HandlerResult<E> = E extends { reply: infer R } ? PayloadType<R> | Promise<PayloadType<R>> : unknown

/** The reply type of message `K` of CONFIG role `C`; `void` for a one-way message. */
export type Reply<C, K extends keyof ConfigMessages<C>> = ConfigMessages<C>[K] extends { reply: infer R } ? PayloadType<R> : void

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
        [K in keyof ConfigMessages<C> & keyof I & string]: I[K] extends (payload: infer P, ...rest: any) => infer Ret
          ? unknown extends Payload<C, K>
            ? ReplyMismatch<ConfigMessages<C>[K], Ret, K>
            : [Payload<C, K>] extends [P]
              ? ReplyMismatch<ConfigMessages<C>[K], Ret, K>
              : K
          : never
      }[keyof ConfigMessages<C> & keyof I & string]
    : never

/** `K` when message `E` has a reply schema the handler's return type does not fit (untyped replies are not checked). */
type ReplyMismatch<E, Ret, K> = E extends { reply: infer R }
  ? unknown extends PayloadType<R>
    ? never
    : [Awaited<Ret>] extends [PayloadType<R>]
      ? never
      : K
  : never

/** `bindings({ roles })` checks each role class: a handler whose payload parameter does not fit its schema is a type error. */
export type CheckedRoles<R extends readonly unknown[]> = {
  [I in keyof R]: [MismatchedHandlers<R[I]>] extends [never]
    ? unknown
    : 0 extends 1 & MismatchedHandlers<R[I]>
      ? unknown
      : { 'openws: the payload parameter or the reply of these handlers does not match their schema': MismatchedHandlers<R[I]> }
}
