// `openws/schema`: the S builder alone.
export * from '../schema/index'
