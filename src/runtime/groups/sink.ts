// The sink behind `groups.to(...)` / `groups.toConnection(...)`: the outbound API method validated
// and encoded once; this writes that one frame to every recipient (and once to the broker).
import { encodeEnvelope } from '../envelope/codec'
import type { RuntimeCore } from '../session/runtime-core'
import { BaseSink, RESOLVED, sendFailedError } from '../session/peer'

/** Where a group API's frames go. */
export interface GroupTarget {
  /** A group name, or a connection id when `direct`. */
  readonly name: string
  readonly direct: boolean
  readonly role: string
  /** Connection id to skip. */
  readonly except: string | undefined
}

export interface FrameRouter {
  route(target: GroupTarget, messageName: string, payload: unknown, frame: string): void
}

export class GroupSink extends BaseSink {
  constructor(
    core: RuntimeCore,
    private readonly router: FrameRouter,
    private readonly target: GroupTarget,
  ) {
    super(core, undefined) // no reply table: a broadcast of a request message is sent one-way (no id)
  }

  send(messageName: string, payload: unknown, frame?: string): Promise<void> {
    try {
      this.router.route(this.target, messageName, payload, frame ?? encodeEnvelope(this.core.hostRole, messageName, payload))
    } catch (error) {
      this.core.onInternalError(sendFailedError(this.core, error, messageName))
    }
    return RESOLVED
  }

  /** A group is not a connection: nothing to close. */
  disconnect(): boolean {
    return false
  }
}
