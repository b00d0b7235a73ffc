// JSON Pointer (RFC 6901) pieces shared by every validator path.

/** Escapes one reference token: '~' -> '~0', '/' -> '~1'. */
export function escapePointerToken(token: string): string {
  return token.indexOf('~') === -1 && token.indexOf('/') === -1 ? token : token.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Unescapes one reference token; the inverse of escapePointerToken. */
export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}
