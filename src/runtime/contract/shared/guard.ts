// bindings() reads user objects (classes, getters, proxies, builders). Whatever they throw
// leaves as a coded OpenWsError, so a bad definition never surfaces as a raw crash.
import { isOpenWsError, openwsError } from '../../openws-error'

export function definitionGuard<T>(what: string, build: () => T): T {
  try {
    return build()
  } catch (error) {
    if (isOpenWsError(error)) throw error
    const text = error instanceof Error ? error.message : String(error)
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `${what} failed while reading the definition: ${text}`, { cause: error })
  }
}
