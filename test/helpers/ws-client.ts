// A raw `ws` client speaking the wire protocol, collecting the frames it receives.
import WebSocket from 'ws'

export interface TestClient {
  readonly frames: { messageName: string; payload: Record<string, unknown> }[]
  send(messageName: string, payload: unknown): void
  /** Waits for (and removes) the first frame with this message name matching `where`. */
  next(messageName: string, where?: (payload: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>
  close(): Promise<void>
}

export async function testClient(url: string, role = 'client'): Promise<TestClient> {
  const ws = new WebSocket(`${url}/${role}`)
  const frames: TestClient['frames'] = []
  let wake: (() => void) | undefined
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)))
    wake?.()
  })
  await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)))
  return {
    frames,
    send(messageName, payload) {
      ws.send(JSON.stringify({ fromRole: role, messageName, payload }))
    },
    async next(messageName, where = () => true) {
      for (;;) {
        const i = frames.findIndex((f) => f.messageName === messageName && where(f.payload))
        if (i >= 0) return frames.splice(i, 1)[0].payload
        await new Promise<void>((resolve) => (wake = resolve))
      }
    },
    close() {
      if (ws.readyState === WebSocket.CLOSED) return Promise.resolve()
      return new Promise<void>((resolve) => (ws.once('close', () => resolve()), ws.close()))
    },
  }
}
