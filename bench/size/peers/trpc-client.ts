// The same chat exchange as examples/vite over tRPC's wsLink: mutations for what the client sends,
// a subscription for what the server pushes. bench/size bundles it beside openws's client.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client'
import type { ChatRouter } from './trpc-router'

const show = (line: string) => document.body.append(line)
const client = createTRPCClient<ChatRouter>({ links: [wsLink({ client: createWSClient({ url: 'ws://localhost:8080' }) })] })
client.events.subscribe(undefined, { onData: (e) => show(`${e.kind}: ${e.text}`), onError: (e) => show(e.message) })
void client.createRoom.mutate({ userId: 'alice', roomId: 'r1' }).catch((e: Error) => show(e.message))
void client.joinRoom.mutate({ userId: 'alice', roomId: 'r1' }).catch((e: Error) => show(e.message))
void client.sendMessage.mutate({ userId: 'alice', roomId: 'r1', text: 'hi' }).catch((e: Error) => show(e.message))
