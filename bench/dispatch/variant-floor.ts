// Not a runtime: the work every variant must do and nothing else. JSON.parse of the frame, then
// the reply written by concatenation (no role check, no validation, no dispatch table) and
// counted as a socket write counts it. Its rate bounds what any variant that parses its frames
// and writes its replies can reach, so it says how far the DESIGN.md ratios are reachable at all.
import type { Workload } from './networks'
import type { Sink } from './variant-openws'

const q = JSON.stringify

export function floorChat(sink: Sink): (frame: string) => void {
  return (frame) => {
    const env = JSON.parse(frame)
    const p = env.payload
    if (env.messageName === 'joinRoom') {
      sink.bytes += Buffer.byteLength(
        '{"fromRole":"server","messageName":"joinedRoom","payload":{"roomId":' + q(p.roomId) + ',"joinerId":' + q(p.userId) + '}}',
      )
    } else if (env.messageName === 'sendMessage') {
      sink.bytes += Buffer.byteLength(
        '{"fromRole":"server","messageName":"receivedMessage","payload":{"roomId":' +
          q(p.roomId) +
          ',"senderId":' +
          q(p.userId) +
          ',"text":' +
          q(p.text) +
          '}}',
      )
    }
  }
}

export function floorSynthetic(_w: Workload, sink: Sink): (frame: string) => void {
  return (frame) => {
    const p = JSON.parse(frame).payload
    sink.bytes += Buffer.byteLength('{"fromRole":"server","messageName":"ack","payload":{"id":' + p.id + ',"name":' + q(p.name) + '}}')
  }
}
