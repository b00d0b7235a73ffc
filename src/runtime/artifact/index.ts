// The precompiled artifact shape and its interpreted builder.
export * from './types'
export { interpretArtifact } from './interpreted'
