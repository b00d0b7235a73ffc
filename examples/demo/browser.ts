// The chat page's script, bundled by esbuild with the openws plugin when the server starts
// (server.ts): the contract and the page's role implementations (browser-roles.ts) arrive
// precompiled, so the page carries no interpreter, no server code, and runs without eval under the
// page's Content-Security-Policy.
import type { Api } from 'openws'
import { connect } from 'openws/client'
import { ChatClient, ChatPortal, clientBindings, portalBindings, type Server } from './browser-roles'

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
const client = connect<Api<typeof Server>>({ bindings: clientBindings, host: new ChatClient(line), url: `${scheme}://${location.host}/chat/client` })
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
  portal ??= connect<Api<typeof Server>>({ bindings: portalBindings, host: new ChatPortal(line), url: `${scheme}://${location.host}/chat/portal` })
  portal.api.requestRoomStats({ roomId: name }).catch(notSent)
})
