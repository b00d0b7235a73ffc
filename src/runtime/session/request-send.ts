// Sends one request (a message with a reply) through a connection's send function and ties the
// outcome to its PendingRequests: the frame carries the request's id; a frame that cannot be
// encoded or a transport that fails rejects the request with OPENWS_ERR_SEND_FAILED (and is
// reported as for any send).
import { encodeEnvelope } from '../envelope/codec'
import type { Validator } from '../validate/types'
import { isThenable } from './hooks'
import { thrownMessage } from './peer'
import type { PendingRequests } from './requests'
import { withId } from './reply-frame'
import type { SendFn } from './types'

export function sendRequest(
  requests: PendingRequests,
  send: SendFn,
  hostRole: string,
  name: string,
  validator: Validator,
  payload: unknown,
  frame: string | undefined,
  options: unknown,
  onSendFailure: (error: unknown, messageName: string) => void,
): Promise<unknown> {
  return requests.start(name, validator, options, (id) => {
    // No failure callback allocated per request: only the failure paths build one.
    let text: string | undefined
    let r: unknown
    try {
      text = frame !== undefined ? withId(frame, id) : encodeEnvelope(hostRole, name, payload, id)
      r = send(hostRole, name, payload, id, text)
    } catch (error) {
      // Not encoded (no text: nothing to take out of a send queue), or the transport threw.
      sendFailed(requests, onSendFailure, name, id, error)
      return text
    }
    if (isThenable(r)) Promise.resolve(r).catch((error: unknown) => sendFailed(requests, onSendFailure, name, id, error))
    return text
  })
}

/** The request was not sent: reported as for any send, and rejected with OPENWS_ERR_SEND_FAILED. */
function sendFailed(
  requests: PendingRequests,
  onSendFailure: (error: unknown, messageName: string) => void,
  name: string,
  id: number,
  error: unknown,
): void {
  onSendFailure(error, name)
  requests.failed(id, 'OPENWS_ERR_SEND_FAILED', `the request was not sent: ${thrownMessage(error)}`)
}
