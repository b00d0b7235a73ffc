// What a class-based role looks like once read, whichever syntax declared it
// (static CONFIG or decorators). class-network.ts turns a set of these into bindings.

/** One message a role accepts; for the host, one handler method. */
export interface ClassMessage {
  name: unknown
  /** Host only: the method that handles it (CONFIG: the message name; decorators: the decorated method). */
  method: string
  payload: unknown
  /** The reply schema; undefined = one-way. */
  reply?: unknown
  description?: unknown
  /** Sender classes or role names; undefined = any remote role. */
  from?: readonly unknown[]
  /** Extension (`x-`) fields to keep on the message document. */
  extra?: Record<string, unknown>
}

export interface ClassRole {
  /** The configured name; undefined means "the class name with a lower-case first letter". */
  name?: unknown
  description?: unknown
  version?: unknown
  endpoints?: unknown
  /** True when the role declares handlers (CONFIG `handlers`, `@handler`): a host unless another role is implemented. */
  host: boolean
  /**
   * True when the class implements the role: a method for one of its messages (a contract class,
   * which holds only the description, has none). bindings() makes the one implemented role the host.
   */
  implemented: boolean
  /** The class that declared the role (a subclass implementing a contract class inherits it), for the default name. */
  declaredBy?: Function
  messages: ClassMessage[]
  extra?: Record<string, unknown>
  /** "static CONFIG" or "decorators", for error messages. */
  syntax: string
}

/** Reads a class into a role; undefined when the class declares no role at all. */
export type RoleReader = (cls: Function) => ClassRole | undefined

/** `from: Client` and `from: [Client, Portal]` both mean a list. */
export function fromList(from: unknown): readonly unknown[] | undefined {
  if (from === undefined) return undefined
  return Array.isArray(from) ? from : [from]
}
