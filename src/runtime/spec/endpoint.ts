// endpoint(scheme, host, port, path): where a role can be reached.
import type { EndpointDoc } from '../ir/types'
import { FieldsBuilder } from './base'
import { copyJson, isBuilder } from './fields'

export class EndpointBuilder extends FieldsBuilder {
  readonly kind = 'openws.endpoint' as const

  /** The fields are written in order scheme, host, port, path; checked by validate(). */
  override valueOf(): EndpointDoc {
    return copyJson(this.fields) as EndpointDoc
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function endpoint(scheme: string | undefined, host: string, port: number, path: string): EndpointBuilder {
  const fields: Record<string, unknown> = {}
  if (scheme !== undefined) fields.scheme = scheme
  fields.host = host
  fields.port = port
  fields.path = path
  return new EndpointBuilder(fields)
}

/** Wraps a plain endpoint (from a document) so every field, unknown ones included, survives. */
export function endpointFromDoc(doc: EndpointDoc): EndpointBuilder {
  return new EndpointBuilder(copyJson(doc) as Record<string, unknown>)
}

export function isEndpointBuilder(value: unknown): value is EndpointBuilder {
  return isBuilder(value, 'openws.endpoint')
}
