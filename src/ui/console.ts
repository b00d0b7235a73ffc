// The try-it console: connect to the live server as a role, compose a message from its schema,
// validate it as you type with the runtime's own eval-free interpreter, send the envelope
// {fromRole, messageName, payload, id}, and log every frame in and out (`$error` frames
// highlighted with their issues).
import { interpret } from '../runtime/interpret/index'
import { DEFAULT_LIMITS } from '../runtime/limits'
import type { Validator } from '../runtime/validate/types'
import { append, clear, h, showJson } from './dom'
import { payloadEditor, type Editor } from './form'
import { issueList } from './issues'
import { remoteRoles, sendable, type MessageInfo, type Model } from './model'

const MAX_FRAMES = 500
// As a server with default limits checks (and reports) payloads.
const { maxDepth, maxIssues } = DEFAULT_LIMITS

export interface Console {
  /** Selects a role (and optionally a message) and moves focus to the console. */
  pick(role: string, message?: string): void
}

/** The mount path, from the page's own location ({path}/ui). */
export function basePath(pathname: string = location.pathname): string {
  return pathname.replace(/\/ui\/?$/, '')
}

export function defaultUrl(role: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${location.host}${basePath()}/${encodeURIComponent(role)}`
}

export function mountConsole(root: HTMLElement, model: Model): Console {
  const roles = remoteRoles(model).filter((r) => sendable(model, r.name).length > 0 || model.host !== undefined)
  let ws: WebSocket | undefined
  let nextId = 1
  let editor: Editor | undefined
  let validator: Validator | undefined
  let validatorError: string | undefined
  let message: MessageInfo | undefined

  const roleSelect = h(
    'select',
    { id: 'console-role', onchange: () => onRole() },
    roles.map((r) => h('option', { value: r.name }, r.name)),
  )
  const urlInput = h('input', { id: 'console-url', type: 'url', autocomplete: 'off', spellcheck: 'false' })
  const connectButton = h('button', { type: 'submit', id: 'connect' }, 'Connect')
  const status = h('span', { id: 'console-status', role: 'status', class: 'status' }, 'disconnected')
  const messageSelect = h('select', { id: 'console-message', onchange: () => onMessage() })
  const editorBox = h('div', { id: 'payload-editor' })
  const localIssues = h('div', { id: 'local-issues', 'aria-live': 'polite' })
  const sendButton = h('button', { type: 'submit', id: 'send', disabled: true }, 'Send')
  const frames = h('ol', { id: 'frames', class: 'frames', role: 'log', 'aria-label': 'frames in and out' })
  let lastDefault = ''

  const connectForm = h(
    'form',
    {
      id: 'connect-form',
      class: 'row',
      onsubmit: (e: Event) => {
        e.preventDefault()
        toggleConnection()
      },
    },
    h('div', { class: 'control' }, h('label', { for: roleSelect.id }, 'Connect as role'), roleSelect),
    h('div', { class: 'control grow' }, h('label', { for: urlInput.id }, 'Server URL'), urlInput),
    connectButton,
    status,
  )
  const sendForm = h(
    'form',
    {
      id: 'send-form',
      onsubmit: (e: Event) => {
        e.preventDefault()
        send()
      },
    },
    h('div', { class: 'control' }, h('label', { for: messageSelect.id }, 'Message'), messageSelect),
    editorBox,
    localIssues,
    h('div', { class: 'row' }, sendButton, h('span', { class: 'note', id: 'send-note' })),
  )
  const clearButton = h('button', { type: 'button', class: 'small', onclick: () => clear(frames) }, 'Clear')
  append(root, [
    roles.length === 0 ? h('p', { class: 'note' }, 'No role of this network connects to a host.') : null,
    connectForm,
    sendForm,
    h('div', { class: 'frames-head' }, h('h3', null, 'Frames'), clearButton),
    frames,
  ])

  function onRole(): void {
    const role = roleSelect.value
    if (urlInput.value === '' || urlInput.value === lastDefault) urlInput.value = defaultUrl(role)
    lastDefault = defaultUrl(role)
    const list = sendable(model, role)
    const keep = messageSelect.value
    clear(
      messageSelect,
      list.map((m) => h('option', { value: m.name }, model.host === undefined ? `${m.role}.${m.name}` : m.name)),
    )
    if (list.some((m) => m.name === keep)) messageSelect.value = keep
    onMessage()
    if (ws && ws.readyState <= WebSocket.OPEN) disconnect()
  }

  function onMessage(): void {
    message = sendable(model, roleSelect.value).find((m) => m.name === messageSelect.value)
    clear(editorBox)
    editor = undefined
    validator = undefined
    validatorError = undefined
    if (!message) {
      editorBox.append(h('p', { class: 'note' }, `The role "${roleSelect.value}" may send no message to the host.`))
      check()
      return
    }
    try {
      validator = interpret(message.payload as never, { maxDepth })
    } catch (e) {
      validatorError = (e as Error).message
    }
    editor = payloadEditor(message.payload, check)
    editorBox.append(editor.el)
    check()
  }

  /** Validates the payload as typed, with the same interpreter the runtime uses. */
  function check(): void {
    clear(localIssues)
    const note = document.getElementById('send-note')!
    const connected = ws?.readyState === WebSocket.OPEN
    const read = editor?.read()
    sendButton.disabled = !connected || !read?.ok
    note.textContent = connected ? '' : 'connect first'
    if (!read) return
    if (!read.ok) {
      editor!.mark([''])
      localIssues.append(h('p', { class: 'bad' }, read.error))
      return
    }
    if (validatorError !== undefined) {
      localIssues.append(h('p', { class: 'note' }, `Not checked here: ${validatorError}`))
      return
    }
    const issues = validator!.is(read.value) ? [] : validator!.explain(read.value, maxIssues)
    editor!.mark(issues.map((i) => i.path))
    if (issues.length === 0) {
      localIssues.append(h('p', { class: 'ok' }, '✓ valid payload'))
    } else {
      localIssues.append(
        h(
          'p',
          { class: 'bad' },
          `✗ ${issues.length} issue${issues.length === 1 ? '' : 's'} (the server will answer $error; you may send it anyway):`,
        ),
        issueList(issues, 'issues local'),
      )
    }
  }

  function setStatus(text: string, state: string): void {
    status.textContent = text
    status.dataset.state = state
    connectButton.textContent = state === 'open' || state === 'connecting' ? 'Disconnect' : 'Connect'
    roleSelect.disabled = state === 'open' || state === 'connecting'
    urlInput.disabled = roleSelect.disabled
    check()
  }

  function toggleConnection(): void {
    if (ws && ws.readyState <= WebSocket.OPEN) disconnect()
    else connect()
  }

  function connect(): void {
    const role = roleSelect.value
    let socket: WebSocket
    try {
      socket = new WebSocket(urlInput.value)
    } catch (e) {
      setStatus(`bad URL: ${(e as Error).message}`, 'error')
      return
    }
    ws = socket
    setStatus(`connecting as ${role}…`, 'connecting')
    socket.addEventListener('open', () => {
      if (ws === socket) setStatus(`connected as ${role}`, 'open')
      log('info', `connected to ${socket.url} as ${role}`)
    })
    socket.addEventListener('message', (event) => {
      if (typeof event.data === 'string') logFrame('in', event.data)
      else log('info', 'binary frame received')
    })
    socket.addEventListener('close', (event) => {
      log('info', `closed: ${event.code}${event.reason ? ` ${event.reason}` : ''}`)
      if (ws === socket) {
        ws = undefined
        setStatus(`closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`, 'closed')
      }
    })
  }

  function disconnect(): void {
    const socket = ws
    ws = undefined
    socket?.close(1000)
    setStatus('disconnected', 'closed')
  }

  function send(): void {
    const read = editor?.read()
    if (!ws || ws.readyState !== WebSocket.OPEN || !message || !read?.ok) return
    const envelope = { fromRole: roleSelect.value, messageName: message.name, payload: read.value, id: nextId++ }
    const text = JSON.stringify(envelope)
    ws.send(text)
    logFrame('out', text)
  }

  function log(kind: string, text: string): void {
    addFrame(h('li', { class: `frame ${kind}` }, h('span', { class: 'time' }, time()), ' ', text))
  }

  function logFrame(direction: 'in' | 'out', text: string): void {
    let frame: any
    try {
      frame = JSON.parse(text)
    } catch {
      addFrame(
        h(
          'li',
          { class: `frame ${direction}` },
          h('span', { class: 'time' }, time()),
          ' ',
          direction === 'in' ? '↓ ' : '↑ ',
          h('code', null, text),
        ),
      )
      return
    }
    const isError = frame?.messageName === '$error'
    const p = frame?.payload
    const head = h(
      'div',
      { class: 'frame-head' },
      h('span', { class: 'dir', 'aria-label': direction === 'in' ? 'received' : 'sent' }, direction === 'in' ? '↓ in' : '↑ out'),
      h('span', { class: 'time' }, time()),
      h('strong', { class: 'name' }, String(frame?.messageName)),
      frame?.fromRole !== undefined ? h('span', { class: 'from' }, `from ${String(frame.fromRole)}`) : null,
      frame?.id !== undefined ? h('span', { class: 'id' }, `id ${JSON.stringify(frame.id)}`) : null,
      // An $error names the id of the frame it answers (and the message) in its payload.
      isError && p?.id !== undefined
        ? h('span', { class: 'id' }, `re id ${JSON.stringify(p.id)}${p.messageName ? ` (${String(p.messageName)})` : ''}`)
        : null,
    )
    const body: Node[] = []
    if (!isError && p !== undefined) {
      const compact = JSON.stringify(p)
      body.push(h('code', { class: 'payload' }, compact.length > 240 ? `${compact.slice(0, 240)}…` : compact))
    }
    if (isError && p && typeof p === 'object') {
      body.push(h('div', { class: 'error-text' }, h('code', null, String(p.code)), ' ', String(p.message ?? '')))
      if (Array.isArray(p.issues) && p.issues.length > 0) body.push(issueList(p.issues, 'issues remote'))
    }
    body.push(h('details', { class: 'raw' }, h('summary', null, 'whole frame'), h('pre', null, h('code', null, showJson(frame)))))
    addFrame(h('li', { class: `frame ${direction}${isError ? ' error' : ''}` }, head, body))
  }

  function addFrame(li: HTMLElement): void {
    frames.append(li)
    while (frames.childElementCount > MAX_FRAMES) frames.firstElementChild!.remove()
    li.scrollIntoView({ block: 'nearest' })
  }

  onRole()
  return {
    pick(role, name) {
      if (roles.some((r) => r.name === role) && roleSelect.value !== role && !roleSelect.disabled) {
        roleSelect.value = role
        onRole()
      }
      if (name !== undefined && roleSelect.value === role && Array.from(messageSelect.options).some((o) => o.value === name)) {
        messageSelect.value = name
        onMessage()
      }
      // Keyboard users land on the next thing to do: connect, or fill in the payload.
      const next = ws?.readyState === WebSocket.OPEN ? editorBox.querySelector<HTMLElement>('input, select, textarea') : connectButton
      ;(next ?? root).focus()
      root.scrollIntoView({ block: 'start' })
    },
  }
}

function time(): string {
  return new Date().toTimeString().slice(0, 8)
}
