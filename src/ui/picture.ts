// The network picture: an inline SVG built from the model. Roles are nodes on a circle (the host,
// when there is one, in the middle); each (sender, handler) pair is one arrow carrying the number
// of messages it stands for. Nodes and arrows are links (#role/..., #pair/...), so they are
// focusable and open with Enter; the side panel lists the messages.
import { s } from './dom'
import type { Edge, Model } from './model'

interface Point {
  x: number
  y: number
}

interface Placed extends Point {
  name: string
  host: boolean
  /** Angle on the circle (radians); undefined for the centre. */
  angle: number | undefined
}

const MANY = 10

export function renderPicture(model: Model, selected: string): SVGSVGElement {
  const many = model.roles.length > MANY
  // Up to 4 roles all sit on the ring (so no arrow crosses the host); beyond, the host is the centre.
  const centre = model.roles.length > 4 ? model.roles.find((r) => r.host) : undefined
  const ring = model.roles.filter((r) => r !== centre)
  const nodeR = many ? 9 : 18
  const longest = Math.min(22, Math.max(...model.roles.map((r) => r.name.length)))
  const boxW = longest * 8 + 28
  const radius = many ? Math.max(190, ring.length * 9) : Math.max(ring.length <= 2 ? 150 : 180, ring.length * boxW * 0.28)

  const placed = new Map<string, Placed>()
  const start = ring.length === 2 ? Math.PI : -Math.PI / 2
  ring.forEach((r, i) => {
    const angle = start + (2 * Math.PI * i) / ring.length
    placed.set(r.name, { name: r.name, host: r.host, angle, x: radius * Math.cos(angle), y: radius * Math.sin(angle) })
  })
  if (centre) placed.set(centre.name, { name: centre.name, host: true, angle: undefined, x: 0, y: 0 })
  if (placed.size === 1) placed.set(ring[0]!.name, { name: ring[0]!.name, host: ring[0]!.host, angle: undefined, x: 0, y: 0 })

  // The drawing's extent: node centres plus room for boxes, or for radial labels.
  const xs = [...placed.values()].map((p) => p.x)
  const ys = [...placed.values()].map((p) => p.y)
  const padX = many ? nodeR + longest * 7.2 + 24 : boxW / 2 + 20
  const padY = many ? padX : BOX_H / 2 + 36
  const minX = Math.min(...xs) - padX
  const minY = Math.min(...ys) - padY
  const w = Math.max(...xs) + padX - minX
  const hgt = Math.max(...ys) + padY - minY
  const paired = new Set(model.edges.map((e) => `${e.from}\u0000${e.to}`))
  const clearance = (p: Placed, towardsPoint: Point) => (many ? nodeR : boxClearance(p, towardsPoint, boxW))
  const edges = model.edges.map((e) => edgeView(e, placed, clearance, paired.has(`${e.to}\u0000${e.from}`), selected, many))
  const nodes = [...placed.values()].map((p) => nodeView(p, model, many ? nodeR : 0, boxW, selected))

  return s(
    'svg',
    {
      viewBox: `${f(minX)} ${f(minY)} ${f(w)} ${f(hgt)}`,
      width: Math.round(w),
      role: 'group',
      'aria-label': `${model.network}: ${model.roles.length} roles, ${model.messages.length} messages`,
      class: many ? 'picture many' : 'picture',
    },
    s(
      'defs',
      null,
      s(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        s('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' }),
      ),
    ),
    s('g', { class: 'edges' }, edges),
    s('g', { class: 'nodes' }, nodes),
  )
}

function edgeView(
  edge: Edge,
  placed: Map<string, Placed>,
  clearance: (p: Placed, to: Point) => number,
  twoWay: boolean,
  selected: string,
  many: boolean,
): SVGElement {
  const a = placed.get(edge.from)!
  const b = placed.get(edge.to)!
  const dx = b.x - a.x
  const dy = b.y - a.y
  const len = Math.hypot(dx, dy) || 1
  // Both directions of a pair bend to opposite sides; one-way arrows bend a little too, so
  // arrows through the middle do not all overlap.
  const bend = twoWay ? Math.min(30, len * 0.14) : Math.min(14, len * 0.06)
  const nx = -dy / len
  const ny = dx / len
  const c = { x: (a.x + b.x) / 2 + nx * bend, y: (a.y + b.y) / 2 + ny * bend }
  const start = towards(a, c, clearance(a, c) + 2)
  const end = towards(b, c, clearance(b, c) + 4)
  const mid = { x: 0.25 * start.x + 0.5 * c.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * c.y + 0.25 * end.y }
  const names = edge.messages.map((m) => m.name)
  // An arrow of one message opens that message; an arrow of several lists them.
  const only = edge.messages.length === 1 ? edge.messages[0]! : undefined
  const href = only
    ? `#message/${encodeURIComponent(only.role)}/${encodeURIComponent(only.name)}`
    : `#pair/${encodeURIComponent(edge.from)}/${encodeURIComponent(edge.to)}`
  const count = edge.messages.length
  const label = `${edge.from} to ${edge.to}: ${count} message${count === 1 ? '' : 's'} (${names.join(', ')})`
  return s(
    'a',
    {
      href,
      class: `edge${selected === href ? ' selected' : ''}`,
      'aria-label': label,
      'data-from': edge.from,
      'data-to': edge.to,
      'data-count': count,
    },
    s('title', null, label),
    s('path', {
      d: `M${f(start.x)},${f(start.y)} Q${f(c.x)},${f(c.y)} ${f(end.x)},${f(end.y)}`,
      class: 'line',
      'marker-end': 'url(#arrow)',
    }),
    s('path', { d: `M${f(start.x)},${f(start.y)} Q${f(c.x)},${f(c.y)} ${f(end.x)},${f(end.y)}`, class: 'hit' }),
    // Past 10 roles a lone message needs no badge (the arrow's title and the panel name it).
    many && count === 1 ? null : s('circle', { cx: f(mid.x), cy: f(mid.y), r: many ? 7 : 10, class: 'badge' }),
    many && count === 1
      ? null
      : s('text', { x: f(mid.x), y: f(mid.y), class: 'count', 'dominant-baseline': 'central', 'text-anchor': 'middle' }, String(count)),
  )
}

function nodeView(p: Placed, model: Model, dotR: number, boxW: number, selected: string): SVGElement {
  const role = model.roles.find((r) => r.name === p.name)!
  const href = `#role/${encodeURIComponent(p.name)}`
  const label = `${p.name}${p.host ? ' (host)' : ''}: handles ${role.handles.length}, may send ${role.sends.length}`
  const name = p.name.length > 22 ? `${p.name.slice(0, 21)}…` : p.name
  const attrs = {
    href,
    class: `node${p.host ? ' host' : ''}${selected === href ? ' selected' : ''}`,
    'aria-label': label,
    'data-role': p.name,
  }
  if (dotR === 0) {
    // Few roles: a box with the role's name in it; the host's box is doubled and captioned.
    return s(
      'a',
      attrs,
      s('title', null, label),
      p.host
        ? s('rect', { x: f(p.x - boxW / 2 - 4), y: f(p.y - BOX_H / 2 - 4), width: f(boxW + 8), height: BOX_H + 8, rx: 12, class: 'ring' })
        : null,
      s('rect', { x: f(p.x - boxW / 2), y: f(p.y - BOX_H / 2), width: f(boxW), height: BOX_H, rx: 9, class: 'dot' }),
      s('text', { x: f(p.x), y: f(p.y), class: 'label', 'dominant-baseline': 'central', 'text-anchor': 'middle' }, name),
      p.host ? s('text', { x: f(p.x), y: f(p.y - BOX_H / 2 - 10), class: 'caption', 'text-anchor': 'middle' }, 'host') : null,
    )
  }
  let text: SVGElement
  if (p.angle !== undefined) {
    // Many roles: labels run outward along the radius, flipped on the left so they read left to right.
    const deg = (p.angle * 180) / Math.PI
    const left = Math.cos(p.angle) < -1e-9
    const gap = dotR + 6
    const x = p.x + Math.cos(p.angle) * gap
    const y = p.y + Math.sin(p.angle) * gap
    text = s(
      'text',
      {
        x: f(x),
        y: f(y),
        class: 'label',
        'dominant-baseline': 'central',
        'text-anchor': left ? 'end' : 'start',
        transform: `rotate(${f(left ? deg + 180 : deg)} ${f(x)} ${f(y)})`,
      },
      name,
    )
  } else {
    text = s('text', { x: f(p.x), y: f(p.y + dotR + 22), class: 'label', 'text-anchor': 'middle' }, `${name} (host)`)
  }
  return s(
    'a',
    attrs,
    s('title', null, label),
    p.host ? s('circle', { cx: f(p.x), cy: f(p.y), r: dotR + 5, class: 'ring' }) : null,
    s('circle', { cx: f(p.x), cy: f(p.y), r: dotR, class: 'dot' }),
    text,
  )
}

const BOX_H = 34

/** Distance from a box's centre to its edge in the direction of `to`. */
function boxClearance(p: Point, to: Point, boxW: number): number {
  const dx = Math.abs(to.x - p.x)
  const dy = Math.abs(to.y - p.y)
  const len = Math.hypot(dx, dy) || 1
  const tx = dx === 0 ? Infinity : boxW / 2 / dx
  const ty = dy === 0 ? Infinity : BOX_H / 2 / dy
  return Math.min(tx, ty) * len
}

function towards(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x
  const dy = to.y - from.y
  const len = Math.hypot(dx, dy) || 1
  return { x: from.x + (dx / len) * distance, y: from.y + (dy / len) * distance }
}

function f(n: number): string {
  return (Math.round(n * 10) / 10).toString()
}
