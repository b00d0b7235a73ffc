// The OpenWS document schema (versions 0.0.1 and 0.0.2) as plain JSON Schema, written within the
// subset our interpreter and code generator support. Unknown fields are allowed everywhere
// (extensions use `x-`); network, role and message keys must match KEY_PATTERN.
import { KEY_PATTERN, type JsonSchemaObject } from '../ir/types'

const KEY = KEY_PATTERN.source

/** A map whose keys are names: any other key is reported as an additional property. */
function namedMap(ref: string, minProperties?: number): JsonSchemaObject {
  return {
    type: 'object',
    ...(minProperties !== undefined ? { minProperties } : {}),
    patternProperties: { [KEY]: { $ref: ref } },
    additionalProperties: false,
  }
}

export const OPENWS_DOCUMENT_SCHEMA = {
  type: 'object',
  required: ['openws', 'networks'],
  properties: {
    openws: { enum: ['0.0.1', '0.0.2'] },
    title: { type: 'string' },
    description: { type: 'string' },
    version: { type: 'string' },
    networks: namedMap('#/$defs/network', 1),
  },
  $defs: {
    network: {
      type: 'object',
      required: ['roles'],
      properties: {
        description: { type: 'string' },
        roles: namedMap('#/$defs/role', 1),
      },
    },
    role: {
      type: 'object',
      required: ['messages'],
      properties: {
        description: { type: 'string' },
        'x-openws-host': { type: 'boolean' },
        endpoints: { type: 'array', items: { $ref: '#/$defs/endpoint' } },
        messages: namedMap('#/$defs/message'),
      },
    },
    endpoint: {
      type: 'object',
      required: ['host', 'port', 'path'],
      properties: {
        scheme: { type: 'string' },
        host: { type: 'string' },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        path: { type: 'string' },
      },
    },
    message: {
      type: 'object',
      required: ['payload'],
      properties: {
        description: { type: 'string' },
        payload: { type: ['object', 'boolean'] },
        reply: { type: ['object', 'boolean'] },
        from: { type: 'array', items: { type: 'string', pattern: KEY } },
      },
    },
  },
} as const satisfies JsonSchemaObject
