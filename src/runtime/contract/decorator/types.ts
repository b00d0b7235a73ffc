// Option and decorator-function types for @role, @message and @handler.
import type { PayloadType } from '../../schema/index'
import type { EndpointLike, FromRef } from '../class/types'

export interface RoleOptions {
  /** Defaults to the class name with a lower-case first letter. */
  name?: string
  description?: string
  version?: string
  /** Become the role's real `endpoints` in the spec. */
  endpoints?: readonly EndpointLike[]
  [extension: `x-${string}`]: unknown
}

export interface MessageOptions<P> {
  /**
   * An S builder or a JSON Schema. Absent: the TypeScript type of the method's first parameter,
   * which the openws transformer reads at build time (bindings() throws without it).
   */
  payload?: P
  /** The reply schema (S builder or JSON Schema): the method's return value is the reply. */
  reply?: unknown
  description?: string
  /** Message name; defaults to the method name. */
  name?: string
  [extension: `x-${string}`]: unknown
}

export interface HandlerOptions<P> extends MessageOptions<P> {
  /** Roles allowed to send: one class or a list. Absent: any remote role. */
  from?: FromRef | readonly FromRef[]
}

/** Usable as a TC39 class decorator and as a legacy one. */
export interface RoleDecorator {
  <C extends abstract new (...args: any) => any>(value: C, context: ClassDecoratorContext<C>): void
  (target: Function): void
}

/**
 * The parameter type a method must accept: the schema's type, or `any` when the schema carries
 * none (a plain JSON Schema literal), so such a method may declare whatever type it expects.
 */
type CheckedPayload<P> = unknown extends PayloadType<P> ? any : PayloadType<P>

/**
 * Usable as a TC39 method decorator and as a legacy (experimentalDecorators) one. In both modes a
 * method whose first parameter cannot take every payload of the schema is a type error at the
 * decorator: TypeScript passes the method's type as `value` (TC39) or in `descriptor` (legacy).
 */
export interface MethodDecorator<P> {
  <T extends (this: any, payload: CheckedPayload<P>, ...rest: any[]) => any>(value: T, context: ClassMethodDecoratorContext<any, T>): void
  <T extends (this: any, payload: CheckedPayload<P>, ...rest: any[]) => any>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void
}

/**
 * `@message` stubs type `Api<typeof Role>`, so their payload parameter must not accept more than the
 * schema either (`_: unknown` would let `api.x(anything)` compile). A stub without a parameter is
 * allowed (the reference's form); `Api` then makes it uncallable (UntypedMessageStub).
 */
type NotWider<T, P> =
  unknown extends PayloadType<P>
    ? unknown
    : T extends (...args: infer A) => any
      ? A extends []
        ? unknown
        : [A[0]] extends [PayloadType<P>]
          ? unknown
          : { readonly "openws: the stub's payload parameter accepts more than its schema; type it as the schema's type": PayloadType<P> }
      : unknown

/** `@message`: as MethodDecorator, and the stub's parameter is not wider than the schema. */
export interface MessageDecorator<P> {
  <T extends (this: any, payload: CheckedPayload<P>, ...rest: any[]) => any>(
    value: T & NotWider<T, P>,
    context: ClassMethodDecoratorContext<any, T>,
  ): void
  <T extends (this: any, payload: CheckedPayload<P>, ...rest: any[]) => any>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T> & NotWider<T, P>,
  ): void
}
