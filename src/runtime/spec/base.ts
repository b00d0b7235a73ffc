// What every spec builder shares: description, `x-` metadata, and the unknown-field store.
import { copyJson, extensionKey, setField } from './fields'

export abstract class FieldsBuilder {
  /** Everything except the child collection: description, extensions, unknown fields. @internal */
  readonly fields: Record<string, unknown>

  constructor(fields: Record<string, unknown> = {}) {
    this.fields = fields
  }

  /** Sets `description`. */
  desc(text: string): this {
    this.fields.description = text
    return this
  }

  /** Sets an extension field (copied now); keys not already starting with `x-` get the prefix. */
  metadata(key: string, value: unknown): this {
    setField(this.fields, extensionKey(key), copyJson(value))
    return this
  }

  /** The plain JSON document or fragment; a fresh object on every call. */
  abstract valueOf(): object

  /** Same as valueOf(); lets JSON.stringify(builder) print the document. */
  toJson(): object {
    return this.valueOf()
  }

  toJSON(): object {
    return this.valueOf()
  }
}
