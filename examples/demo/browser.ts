// The chat page's script, bundled by esbuild with the openws plugin when the server starts
// (server.ts). It imports the shared contract (contract.ts) and implements its own roles against
// it: it hosts `client` (what the server sends to the chat) and, for the Stats button, `portal`;
// `server` is the remote role both send to. Nothing is mirrored and the server's implementation
// (roles.ts) is never imported, so the page carries no server code; the definitions arrive
// precompiled (no interpreter) and run without eval under the page's Content-Security-Policy.
import { bindings, type Api, type Handlers } from 'openws'
import { connect } from 'openws/client'
import { Client, Portal, Server } from './contract'

type Show = (text: string, kind?: string) => void

class ChatClient extends Client implements Handlers<typeof Client> {
  constructor(private readonly show: Show) {
    super()
  }

  joinedRoom({ joinerId, roomId }: { joinerId: string; roomId: string }) {
    this.show(`${joinerId} joined #${roomId}`, 'info')
  }

  receivedMessage({ senderId, text }: { senderId: string; roomId: string; text: string }) {
    this.show(`${senderId}: ${text}`)
  }
}

class ChatPortal extends Portal implements Handlers<typeof Portal> {
  constructor(private readonly show: Show) {
    super()
  }

  receivedRoomStats({ roomId, members }: { roomId: string; members: string[] }) {
    this.show(`portal: #${roomId} has ${members.length} member(s): ${members.join(', ') || '-'}`, 'info')
  }
}

const clientBindings = bindings({ name: 'chat', roles: [ChatClient, Server] })
const portalBindings = bindings({ name: 'chat', roles: [ChatPortal, Server] })

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const log = $('log')
const status = $('status')

function line(text: string, kind = 'msg'): void {
  const item = document.createElement('li')
  item.className = kind
  item.textContent = text // text, never HTML: peers are untrusted
  log.append(item)
  log.scrollTop = log.scrollHeight
}

const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
const client = connect<Api<typeof Server>>({
  bindings: clientBindings,
  host: new ChatClient(line),
  url: `${scheme}://${location.host}/chat/client`,
})
client.on('open', () => (status.textContent = 'connected'))
client.on('close', (e) => (status.textContent = e.reconnecting ? 'reconnecting…' : 'disconnected'))
client.on('error', (e) => line(`error: ${(e as { code?: string }).code ?? e.message}`, 'error'))

// What the page calls each payload field, for validation messages.
const FIELDS: Record<string, string> = { '/userId': 'name', '/roomId': 'room', '/text': 'message' }

interface Issue {
  path: string
  code: string
  expected?: unknown
}

/** An outbound payload the schema refused (OPENWS_ERR_OUTBOUND_INVALID): say why, nothing was sent. */
function notSent(error: { code?: string; message: string; issues?: Issue[] }): void {
  const why = (error.issues ?? []).map((issue) => {
    const field = FIELDS[issue.path] ?? (issue.path || 'the message')
    if (issue.code === 'maxLength') return `${field} is longer than ${String(issue.expected)} characters`
    if (issue.code === 'minLength') return `${field} is empty`
    return `${field}: ${issue.code}`
  })
  line(`not sent: ${why.length > 0 ? why.join('; ') : (error.code ?? error.message)}`, 'error')
}

let me = ''
let room = ''

$('join').addEventListener('submit', (event) => {
  event.preventDefault()
  const name = $<HTMLInputElement>('name').value.trim()
  const wanted = $<HTMLInputElement>('room').value.trim()
  if (!name || !wanted) return
  client.api.joinRoom({ userId: name, roomId: wanted }).then(() => {
    me = name
    room = wanted
    $<HTMLFieldSetElement>('chat').disabled = false
    $<HTMLInputElement>('text').focus()
  }, notSent)
})

$('send').addEventListener('submit', (event) => {
  event.preventDefault()
  const input = $<HTMLInputElement>('text')
  const text = input.value
  if (!text || !room) return
  client.api.sendMessage({ userId: me, roomId: room, text }).then(() => {
    line(`${me}: ${text}`, 'mine')
    input.value = ''
  }, notSent)
})

// The portal role: connects on demand and asks for the room's members.
let portal: ReturnType<typeof connect<Api<typeof Server>>> | undefined
$('stats').addEventListener('click', () => {
  const name = $<HTMLInputElement>('room').value.trim()
  if (!name) return
  portal ??= connect<Api<typeof Server>>({
    bindings: portalBindings,
    host: new ChatPortal(line),
    url: `${scheme}://${location.host}/chat/portal`,
  })
  portal.api.requestRoomStats({ roomId: name }).catch(notSent)
})
