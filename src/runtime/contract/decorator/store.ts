// Where decorations live until bindings() reads them: module-private WeakMaps, no
// reflect-metadata, no global Reflect. Three keys, depending on how decorators ran:
//   - legacy experimentalDecorators: the class (target.constructor);
//   - TC39 with context.metadata: the class's metadata object (also at Class[Symbol.metadata]);
//   - TC39 without metadata (tsc output where Symbol.metadata is missing): the method function
//     itself, found again by scanning the class prototype.

export interface MemberDecoration {
  kind: 'message' | 'handler'
  /** The decorated method's property name. */
  key: string
  options: Record<string, unknown>
}

/** A decoration found on a class or one of its ancestors, with the class that declared it. */
export interface InheritedDecoration extends MemberDecoration {
  declaredOn: Function
}

export interface RoleDecoration {
  options: Record<string, unknown>
  /** TC39 context.metadata of the class, when the runtime provides one. */
  metadata?: object
}

const members = new WeakMap<object, MemberDecoration[]>()
const roles = new WeakMap<Function, RoleDecoration>()

export function recordMember(owner: object, decoration: MemberDecoration): void {
  const list = members.get(owner)
  if (list) list.push(decoration)
  else members.set(owner, [decoration])
}

export function recordRole(cls: Function, decoration: RoleDecoration): void {
  roles.set(cls, decoration)
}

export function roleDecoration(cls: Function): RoleDecoration | undefined {
  return roles.get(cls)
}

/** The symbol TC39 decorators put class metadata under (esbuild falls back to Symbol.for). */
function metadataKey(): symbol {
  return (Symbol as { metadata?: symbol }).metadata ?? Symbol.for('Symbol.metadata')
}

/**
 * Every member decoration of a class and its ancestors. A method decorated again in a subclass
 * hides the ancestor's decorations for that method; an undecorated override keeps them: it
 * implements the ancestor's stub (a shared contract class and its implementation).
 */
export function memberDecorations(cls: Function): InheritedDecoration[] {
  const out: InheritedDecoration[] = []
  const hidden = new Set<string>()
  const seenOwners = new Set<object>()
  for (let level: Function | null = cls; level && level !== Function.prototype; level = Object.getPrototypeOf(level)) {
    const own = ownDecorations(level, seenOwners)
    const ownKeys = new Set<string>()
    for (const decoration of own) {
      if (hidden.has(decoration.key)) continue
      ownKeys.add(decoration.key)
      out.push({ ...decoration, declaredOn: level })
    }
    for (const key of ownKeys) hidden.add(key)
  }
  return out
}

/**
 * The nearest @role of a class or its ancestors, with the class that carries it: an undecorated
 * subclass of a decorated contract class plays the contract's role.
 */
export function inheritedRole(cls: Function): { decoration: RoleDecoration; declaredOn: Function } | undefined {
  for (let level: Function | null = cls; level && level !== Function.prototype; level = Object.getPrototypeOf(level)) {
    const decoration = roles.get(level)
    if (decoration) return { decoration, declaredOn: level }
  }
  return undefined
}

function ownDecorations(level: Function, seenOwners: Set<object>): MemberDecoration[] {
  const owners: object[] = [level]
  const metadata = ownMetadata(level)
  if (metadata) owners.push(metadata)
  const recorded = roles.get(level)?.metadata
  if (recorded) owners.push(recorded)
  const proto = safePrototype(level)
  if (proto) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = Object.getOwnPropertyDescriptor(proto, key)?.value
      if (typeof value === 'function') owners.push(value)
    }
  }
  const out: MemberDecoration[] = []
  for (const owner of owners) {
    if (seenOwners.has(owner)) continue
    seenOwners.add(owner)
    out.push(...(members.get(owner) ?? []))
  }
  return out
}

/** Own metadata only: a subclass without decorators inherits its parent's static property. */
function ownMetadata(level: Function): object | undefined {
  try {
    const descriptor = Object.getOwnPropertyDescriptor(level, metadataKey())
    return typeof descriptor?.value === 'object' && descriptor.value !== null ? descriptor.value : undefined
  } catch {
    return undefined
  }
}

function safePrototype(level: Function): object | undefined {
  const descriptor = Object.getOwnPropertyDescriptor(level, 'prototype')
  return typeof descriptor?.value === 'object' && descriptor.value !== null ? descriptor.value : undefined
}
