// In-process harness for tests and examples.
export { harness } from './harness'
export type { Harness, HarnessPeer, RecordedFrame } from './harness'
