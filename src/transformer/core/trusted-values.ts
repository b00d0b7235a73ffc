// Trust tracking: the objects and functions that come from openws itself. Only these may be called
// at build time, and whatever they return (or hold) is trusted in turn.
export class TrustedValues {
  private readonly values = new WeakSet<object>()

  /** Marks `value` (when it is an object or function) as openws's own, and returns it. */
  trust<T>(value: T): T {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') this.values.add(value as object)
    return value
  }

  has(value: unknown): boolean {
    return ((typeof value === 'object' && value !== null) || typeof value === 'function') && this.values.has(value as object)
  }
}
