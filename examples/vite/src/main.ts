// The page: connects to the chat server as the client role, shows what arrives, sends what is typed.
// The server URL comes from `?server=ws://…/chat/client` (default: this host, port 8080).
import { bindings } from 'openws'
import type { Api } from 'openws'
import { connect } from 'openws/client'
import { Server } from './contract'
import { ChatClient } from './roles'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const log = $<HTMLOListElement>('log')
const status = $<HTMLParagraphElement>('status')

function show(line: string): void {
  const item = document.createElement('li')
  item.textContent = line // text, never HTML: peers are untrusted
  log.append(item)
}

const binder = bindings({ name: 'chat', description: 'A chat network', roles: [ChatClient, Server] })
const params = new URLSearchParams(location.search)
const url = params.get('server') ?? `ws://${location.hostname || '127.0.0.1'}:8080/chat/client`
const client = connect<Api<typeof Server>>({ bindings: binder, url, serverRole: 'server', host: new ChatClient(show) })

client.on('open', () => (status.textContent = `connected to ${url}`))
client.on('close', ({ code, reconnecting }) => (status.textContent = `closed (${code})${reconnecting ? ', reconnecting…' : ''}`))
client.on('error', (error) => show(`error: ${'code' in error ? `${error.code} ` : ''}${error.message}`))

const user = () => $<HTMLInputElement>('user').value.trim()
const room = () => $<HTMLInputElement>('room').value.trim()

$<HTMLFormElement>('room-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const action = ((event as SubmitEvent).submitter as HTMLButtonElement | null)?.value
  const payload = { userId: user(), roomId: room() }
  // An invalid payload rejects the promise (OPENWS_ERR_OUTBOUND_INVALID): nothing is sent.
  const sent = action === 'join' ? client.api.joinRoom(payload) : client.api.createRoom(payload)
  sent.catch(notSent)
})

$<HTMLFormElement>('send-form').addEventListener('submit', (event) => {
  event.preventDefault()
  const text = $<HTMLInputElement>('text')
  const value = text.value
  client.api.sendMessage({ userId: user(), roomId: room(), text: value }).then(() => {
    show(`me: ${value}`)
    text.value = ''
  }, notSent)
})

function notSent(error: Error): void {
  show(`not sent: ${error.message}`)
}
