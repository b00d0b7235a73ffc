// The chat page's script, bundled by esbuild at server start-up. It binds the same network as the
// server (the same role classes), hosted by `client`, and connects with openws/client.
import { connect, hostedBy } from '../../src/runtime/adapters/client/index'
import { bindings } from '../../src/runtime/contract/fluent/index'
import type { Api } from '../../src/runtime/entries/index'
import { serverBindings, type Server } from './roles'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const log = $('log')
const status = $('status')

function line(text: string, kind = 'msg'): void {
  const item = document.createElement('li')
  item.className = kind
  item.textContent = text
  log.append(item)
  log.scrollTop = log.scrollHeight
}

// One network description; here the client is the host and the server is the peer it calls.
const network = serverBindings().network
const binder = bindings(hostedBy(network, 'client'))
binder.fromRoles.server
  .on('joinedRoom', ({ joinerId, roomId }: { joinerId: string; roomId: string }) => line(`${joinerId} joined #${roomId}`, 'info'))
  .on('receivedMessage', ({ senderId, text }: { senderId: string; text: string }) => line(`${senderId}: ${text}`))

const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
const client = connect<Api<typeof Server>>({ bindings: binder, url: `${scheme}://${location.host}/chat/client` })
client.on('open', () => (status.textContent = 'connected'))
client.on('close', (e) => (status.textContent = e.reconnecting ? 'reconnecting…' : 'disconnected'))
client.on('error', (e) => line(`error: ${(e as { code?: string }).code ?? e.message}`, 'error'))

let me = ''
let room = ''

$('join').addEventListener('submit', (event) => {
  event.preventDefault()
  me = $<HTMLInputElement>('name').value.trim()
  room = $<HTMLInputElement>('room').value.trim()
  if (!me || !room) return
  void client.api.joinRoom({ userId: me, roomId: room })
  $<HTMLFieldSetElement>('chat').disabled = false
  $<HTMLInputElement>('text').focus()
})

$('send').addEventListener('submit', (event) => {
  event.preventDefault()
  const input = $<HTMLInputElement>('text')
  const text = input.value
  if (!text || !room) return
  void client.api.sendMessage({ userId: me, roomId: room, text })
  line(`${me}: ${text}`, 'mine')
  input.value = ''
})

// The portal role of the same network: connects on demand and asks for the room's members.
let portal: ReturnType<typeof connect<Api<typeof Server>>> | undefined
$('stats').addEventListener('click', () => {
  const name = $<HTMLInputElement>('room').value.trim()
  if (!name) return
  if (!portal) {
    const portalBinder = bindings(hostedBy(network, 'portal'))
    portalBinder.fromRoles.server.on('receivedRoomStats', ({ roomId, members }: { roomId: string; members: string[] }) =>
      line(`portal: #${roomId} has ${members.length} member(s): ${members.join(', ') || '-'}`, 'info'),
    )
    portal = connect<Api<typeof Server>>({ bindings: portalBinder, url: `${scheme}://${location.host}/chat/portal` })
  }
  void portal.api.requestRoomStats({ roomId: name })
})
