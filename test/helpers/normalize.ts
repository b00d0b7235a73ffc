// Snapshots of ctx.transform pin what the plugin is responsible for (which code is replaced,
// decorators removed, imports added, user code left alone); the generated artifact inside
// `compiledBindings(...)` / `compiledFluentBindings(...)` belongs to the core's own snapshots, so it is folded to a placeholder.

export function foldArtifacts(code: string, callee = /compiled(?:Fluent)?Bindings\(/g): string {
  let out = ''
  let from = 0
  callee.lastIndex = 0
  for (let m = callee.exec(code); m !== null; m = callee.exec(code)) {
    if (m.index < from) continue
    const open = m.index + m[0].length - 1
    const close = matchingParen(code, open)
    out += code.slice(from, open + 1) + '/* artifact */'
    from = close
    callee.lastIndex = close
  }
  return out + code.slice(from)
}

/** Index of the `)` closing the `(` at `open`, skipping string and template literals. */
function matchingParen(code: string, open: number): number {
  let depth = 0
  for (let i = open; i < code.length; i++) {
    const c = code[i]
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return code.length
}
