// The network IR. It *is* an OpenWS document fragment (plain JSON), plus the host mark.
// Everything downstream — validators, dispatch, SDKs, AsyncAPI, UI — is derived from it alone.

/** A JSON Schema (the supported subset is documented in the README). Plain data. */
export type JsonSchema = boolean | JsonSchemaObject
export interface JsonSchemaObject {
  [keyword: string]: unknown
}

/** Extension key that marks the role the host process implements. */
export const HOST_MARK = 'x-openws-host'

/** Names of networks, roles and messages. */
export const KEY_PATTERN = /^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/

export interface EndpointDoc {
  scheme?: string
  host: string
  port: number
  path: string
  [extension: string]: unknown
}

export interface MessageDoc {
  description?: string
  payload: JsonSchema
  /** Roles allowed to send this message. Absent: any role of the network except the owner. */
  from?: string[]
  /**
   * The schema of the handler's answer: present, the message is a request (`api.x()` resolves to
   * the validated reply, sent back as a `$reply` frame). Absent: one-way, as in protocol v1.
   */
  reply?: JsonSchema
  [extension: string]: unknown
}

export interface RoleDoc {
  description?: string
  endpoints?: EndpointDoc[]
  messages: Record<string, MessageDoc>
  /** `true` on the role the host implements. */
  'x-openws-host'?: boolean
  [extension: string]: unknown
}

export interface NetworkDoc {
  description?: string
  roles: Record<string, RoleDoc>
  [extension: string]: unknown
}

/** The normalised network every authoring style produces: a named NetworkDoc. */
export interface NetworkIR extends NetworkDoc {
  name: string
}

export type OpenWsVersion = '0.0.1' | '0.0.2'

export interface OpenWsDocument {
  openws: OpenWsVersion
  title?: string
  description?: string
  version?: string
  networks: Record<string, NetworkDoc>
  [extension: string]: unknown
}
