// The side panel: what the picture's selection opens (#role/..., #pair/.../..., #message/.../...),
// or the whole list of messages by handling role when nothing is selected.
import { h, type Child } from './dom'
import type { MessageInfo, Model, RoleInfo } from './model'
import { renderSchema } from './schema-view'

export type Route =
  | { kind: 'none' }
  | { kind: 'role'; role: string }
  | { kind: 'pair'; from: string; to: string }
  | { kind: 'message'; role: string; message: string }

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#/, '')
    .split('/')
    .map((p) => {
      try {
        return decodeURIComponent(p)
      } catch {
        return p
      }
    })
  if (parts[0] === 'role' && parts.length === 2) return { kind: 'role', role: parts[1]! }
  if (parts[0] === 'pair' && parts.length === 3) return { kind: 'pair', from: parts[1]!, to: parts[2]! }
  if (parts[0] === 'message' && parts.length === 3) return { kind: 'message', role: parts[1]!, message: parts[2]! }
  return { kind: 'none' }
}

const enc = encodeURIComponent
export const roleHref = (role: string) => `#role/${enc(role)}`
export const messageHref = (m: MessageInfo) => `#message/${enc(m.role)}/${enc(m.name)}`

export interface PanelActions {
  tryIt(role: string, message?: string): void
}

export function renderPanel(model: Model, route: Route, actions: PanelActions): Child[] {
  if (route.kind === 'role') {
    const role = model.roles.find((r) => r.name === route.role)
    if (role) return rolePanel(model, role, actions)
  }
  if (route.kind === 'pair') {
    const edge = model.edges.find((e) => e.from === route.from && e.to === route.to)
    if (edge) {
      return [
        back(),
        h('h2', null, link(roleHref(edge.from), edge.from), ' → ', link(roleHref(edge.to), edge.to)),
        h('p', null, `${edge.messages.length} message${edge.messages.length === 1 ? '' : 's'} ${edge.from} may send to ${edge.to}:`),
        messageList(edge.messages, false),
      ]
    }
  }
  if (route.kind === 'message') {
    const m = model.messages.find((x) => x.role === route.role && x.name === route.message)
    if (m) return messagePanel(model, m, actions)
  }
  return overview(model)
}

function back(): HTMLElement {
  return h('a', { href: '#', class: 'back' }, '← all messages')
}

function link(href: string, text: string): HTMLAnchorElement {
  return h('a', { href }, text)
}

function senders(m: MessageInfo): Child {
  return h(
    'span',
    { class: 'senders' },
    m.from === undefined
      ? 'from any other role'
      : m.from.length === 0
        ? 'from no role'
        : ['from ', m.from.map((r, i) => [i ? ', ' : '', link(roleHref(r), r)])],
  )
}

function messageList(messages: MessageInfo[], showRole: boolean): HTMLElement {
  if (messages.length === 0) return h('p', { class: 'note' }, 'none')
  return h(
    'ul',
    { class: 'messages' },
    messages.map((m) =>
      h(
        'li',
        null,
        h('a', { href: messageHref(m) }, showRole ? `${m.role}.${m.name}` : m.name),
        ' ',
        senders(m),
        m.description ? h('div', { class: 'desc' }, m.description) : null,
      ),
    ),
  )
}

function overview(model: Model): Child[] {
  return [
    h('h2', null, 'Messages'),
    h('p', { class: 'note' }, 'Select a role or an arrow in the picture, or a message below.'),
    model.roles.map((r) =>
      h(
        'section',
        { class: 'role-group' },
        h(
          'h3',
          null,
          link(roleHref(r.name), r.name),
          r.host ? h('span', { class: 'tag host' }, 'host') : null,
          h('span', { class: 'count' }, ` handles ${r.handles.length}`),
        ),
        messageList(r.handles, false),
      ),
    ),
  ]
}

function rolePanel(model: Model, role: RoleInfo, actions: PanelActions): Child[] {
  const connects = !role.host && model.host !== undefined
  return [
    back(),
    h('h2', null, role.name, role.host ? h('span', { class: 'tag host' }, 'host') : null),
    role.description ? h('p', { class: 'desc' }, role.description) : null,
    role.host ? h('p', { class: 'note' }, 'The host role: the server implements it; every other role connects to it.') : null,
    connects ? h('button', { type: 'button', onclick: () => actions.tryIt(role.name) }, `Connect as ${role.name}`) : null,
    h('h3', null, `Handles (${role.handles.length})`),
    messageList(role.handles, false),
    h('h3', null, `May send (${role.sends.length})`),
    messageList(role.sends, true),
  ]
}

function messagePanel(model: Model, m: MessageInfo, actions: PanelActions): Child[] {
  const tryAs =
    model.host === undefined || m.role === model.host ? m.senders.find((r) => model.roles.some((x) => x.name === r && !x.host)) : undefined
  return [
    back(),
    h('h2', null, h('a', { href: roleHref(m.role) }, m.role), '.', m.name),
    h('p', null, `Handled by ${m.role}, `, senders(m), '.'),
    m.description ? h('p', { class: 'desc' }, m.description) : null,
    tryAs ? h('button', { type: 'button', onclick: () => actions.tryIt(tryAs, m.name) }, `Try it as ${tryAs}`) : null,
    h('h3', null, 'Payload'),
    renderSchema(m.payload),
  ]
}
