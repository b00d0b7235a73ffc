// The chat server's router, as tRPC clients see it: only its type reaches the client bundle.
import { initTRPC } from '@trpc/server'
import { observable } from '@trpc/server/observable'

const t = initTRPC.create()
type Room = { userId: string; roomId: string }
const room = (input: unknown) => input as Room
export const router = t.router({
  createRoom: t.procedure.input(room).mutation(() => undefined),
  joinRoom: t.procedure.input(room).mutation(() => undefined),
  sendMessage: t.procedure.input((i: unknown) => i as Room & { text: string }).mutation(() => undefined),
  events: t.procedure.subscription(() => observable<{ kind: 'joinedRoom' | 'receivedMessage'; text: string }>(() => () => {})),
})
export type ChatRouter = typeof router
