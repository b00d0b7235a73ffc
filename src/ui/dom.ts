// A tiny hyperscript over the DOM (HTML and SVG). Text is always set as text, never parsed as
// markup, and no style attribute is ever written (the page runs under style-src 'self').
export type Child = Node | string | number | null | undefined | false | Child[]
export type Attrs = Record<string, string | number | boolean | undefined | null | ((event: any) => void)>

const SVG_NS = 'http://www.w3.org/2000/svg'

function apply(el: Element, attrs: Attrs | null | undefined, children: Child[]): void {
  if (attrs) {
    for (const key of Object.keys(attrs)) {
      const value = attrs[key]
      if (value === undefined || value === null || value === false) continue
      if (typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value)
      else el.setAttribute(key, value === true ? '' : String(value))
    }
  }
  append(el, children)
}

export function append(el: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    if (Array.isArray(child)) append(el, child)
    else el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
}

/** An HTML element. Attributes starting with `on` are event listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  apply(el, attrs, children)
  return el
}

/** An SVG element. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag)
  apply(el, attrs, children)
  return el
}

export function clear(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, children)
}

/** JSON for display: pretty when short enough to read, compact otherwise. */
export function showJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent)
  return text === undefined ? String(value) : text
}
