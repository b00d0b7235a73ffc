// Session runtime: runtime(binder), sessions, peers, disconnect. Re-exported by `openws`,
// `openws/decorator` and `openws/fluent`. Outcomes of every call are documented in ./types.ts;
// the concurrency model in ./README.md.
export { runtime } from './runtime'
export { disconnect } from './peer'
export type { Runtime, SessionRuntime, Session, ClientSession, RuntimeOptions, SendFn, DisconnectFn } from './types'
export type { RequestOptions } from './requests'
export { encodeEnvelope, decodeEnvelope, ERROR_MESSAGE } from '../envelope/index'
export type { Envelope, EnvelopeId, ErrorFramePayload, DecodeOptions } from '../envelope/index'
export { DEFAULT_LIMITS, resolveLimits } from '../limits'
export type { Limits } from '../limits'
export { harness } from '../harness/index'
export type { Harness, HarnessPeer, RecordedFrame } from '../harness/index'
export { groupsOf } from '../groups/index'
export type { Groups, Broker, BrokerEvents, BroadcastOptions, GroupsOptions, GroupStats } from '../groups/index'
