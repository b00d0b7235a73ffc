// `openws/spec`: spec builder, validate(doc), fromJson, AsyncAPI export.
export * from '../spec/index'
