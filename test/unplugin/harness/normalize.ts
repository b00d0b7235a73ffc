// Snapshots of ctx.transform pin what the plugin is responsible for (which code is replaced,
// decorators removed, imports added, user code left alone); the generated artifact inside
// `compiledBindings(...)` belongs to the core's own snapshots, so it is folded to a placeholder.

export function foldArtifacts(code: string, callee = 'compiledBindings('): string {
  let out = ''
  let from = 0
  for (let at = code.indexOf(callee); at !== -1; at = code.indexOf(callee, from)) {
    const open = at + callee.length - 1
    const close = matchingParen(code, open)
    out += code.slice(from, open + 1) + '/* artifact */'
    from = close
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
