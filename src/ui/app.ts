// The openws UI page: loads ../spec.json (relative to {path}/ui), draws the network, opens roles,
// arrows and messages in the side panel, and mounts the try-it console.
import { clear, h } from './dom'
import { mountConsole, type Console } from './console'
import { readSpec, type Model } from './model'
import { parseRoute, renderPanel } from './panel'
import { renderPicture } from './picture'

async function main(): Promise<void> {
  const title = document.getElementById('title')!
  const summary = document.getElementById('summary')!
  let model: Model
  try {
    const response = await fetch('spec.json', { headers: { accept: 'application/json' } })
    if (!response.ok) throw new Error(`GET spec.json: HTTP ${response.status}`)
    model = readSpec(await response.json())
  } catch (e) {
    title.textContent = 'could not load the spec'
    summary.textContent = (e as Error).message
    summary.className = 'bad'
    return
  }
  document.title = `${model.title} · openws UI`
  title.textContent = model.title === model.network ? model.network : `${model.title} — ${model.network}`
  clear(
    summary,
    model.description ? `${model.description}. ` : '',
    `${plural(model.roles.length, 'role')}, ${plural(model.messages.length, 'message')}${model.host ? `, hosted by ${model.host}` : ''}. `,
    h('a', { href: 'spec.json' }, 'spec.json'),
    model.version ? ` (OpenWS ${model.version})` : '',
  )
  const picture = document.getElementById('picture')!
  const panel = document.getElementById('panel')!
  const consoleRoot = document.getElementById('console')!
  const tryConsole: Console = mountConsole(consoleRoot, model)

  const render = (): void => {
    const hash = location.hash
    clear(picture, model.roles.length > 0 ? renderPicture(model, hash) : h('p', { class: 'note' }, 'This network has no roles.'))
    clear(panel, renderPanel(model, parseRoute(hash), { tryIt: (role, message) => tryConsole.pick(role, message) }))
  }
  window.addEventListener('hashchange', () => {
    render()
    // Keyboard users land in the panel they opened.
    const heading = panel.querySelector('h2')
    if (heading) {
      heading.tabIndex = -1
      heading.focus({ preventScroll: true })
    }
  })
  render()
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

void main()
