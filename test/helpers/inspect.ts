// What a transformed bundle must not contain (DESIGN: no reflection, no runtime code generation).
// Returns the offending snippets, so a failure shows what slipped through.

const BANNED: Array<[string, RegExp]> = [
  ['new Function', /\bnew\s+Function\s*\(/g],
  ['Function constructor call', /(?<![\w.$])Function\s*\(\s*["'`]/g],
  ['eval', /(?<![\w.$])eval\s*\(/g],
  // A read of a static CONFIG: `X.CONFIG` or `X["CONFIG"]` not followed by an assignment.
  ['CONFIG read', /(?:\.CONFIG|\[\s*["'`]CONFIG["'`]\s*\])(?!\s*=[^=])/g],
  [
    'decorator metadata',
    /Symbol\.metadata|__decorateMetadata|design:(?:type|paramtypes|returntype)|__decorate\(|_ts_decorate|__decorateElement|__runInitializers|__esDecorate|_apply_decs/g,
  ],
]

export function bannedConstructs(code: string): string[] {
  const found: string[] = []
  for (const [what, re] of BANNED) {
    for (const m of code.matchAll(re)) {
      const at = m.index ?? 0
      found.push(`${what}: …${code.slice(Math.max(0, at - 40), at + 40).replace(/\s+/g, ' ')}…`)
      if (found.length > 20) return found
    }
  }
  return found
}
