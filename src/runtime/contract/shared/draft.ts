// The one input shape every authoring style feeds into normalizeNetwork().
// Class-first, decorators and fluent each read their own syntax into these drafts;
// everything after that (checks, payload conversion, host mark, freezing) is shared.

export interface MessageDraft {
  /** Checked against KEY_PATTERN and the reserved "$" prefix. */
  name: unknown
  /** An S builder or plain JSON Schema; converted with toJsonSchema. */
  payload: unknown
  description?: unknown
  /** The reply schema (S builder or JSON Schema); undefined = a one-way message. */
  reply?: unknown
  /** Sender role NAMES (already resolved from classes); undefined = any other role. */
  from?: readonly unknown[]
  /** Unknown fields to keep (fluent documents may carry `x-` extensions). */
  extra?: Record<string, unknown>
}

export interface RoleDraft {
  name: unknown
  host: boolean
  description?: unknown
  version?: unknown
  /** Endpoint builders or plain `{scheme?, host, port, path}` objects. */
  endpoints?: unknown
  messages: MessageDraft[]
  extra?: Record<string, unknown>
  /** Where the role came from, for error messages ("class Server"). */
  origin?: string
}

export interface NetworkDraft {
  name: unknown
  description?: unknown
  roles: RoleDraft[]
  extra?: Record<string, unknown>
}
