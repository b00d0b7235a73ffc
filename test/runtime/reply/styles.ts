// The request/reply network in every authoring style, each on the interpreter and on the artifact
// the transformer emits (so every outcome is checked on both paths). What the host does:
//   add / addLater: reply { sum: a + b } (sync / async);  badSum: an invalid reply;
//   boom: throws;  tell: one-way (its return value is never sent).
// The client role accepts `confirm` (a request, reply { ok }) and `note` (one-way).
import * as D from '../../../src/runtime/contract/decorator/index'
import type { BindingsCore } from '../../../src/runtime/contract/types'
import { S } from '../../../src/runtime/schema/index'
import { replyClassBindings } from '../fixtures/reply-class'
import { replyFluentBindings } from '../fixtures/reply-fluent'
import { loadDecorated } from '../../helpers/decorators'
import { withEmittedArtifact } from '../../../bench/support/emitted'

type Make = () => Promise<BindingsCore> | BindingsCore
type DecoratedFixture = (d: typeof D, s: typeof S) => BindingsCore

const decorated: Make = async () => (await loadDecorated<DecoratedFixture>('runtime/fixtures/reply-decorated.ts', 'esbuild-tc39'))(D, S)

export const REPLY_STYLES: [string, Make][] = [
  ['class-first', replyClassBindings],
  ['decorator', decorated],
  ['fluent', replyFluentBindings],
  ['class-first, emitted artifact', () => withEmittedArtifact(replyClassBindings())],
  ['decorator, emitted artifact', async () => withEmittedArtifact(await decorated())],
  ['fluent, emitted artifact', () => withEmittedArtifact(replyFluentBindings())],
]
