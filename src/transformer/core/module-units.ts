// The modules an evaluation reads: the main file first, then every module an import led to,
// parsed once (or taken from the plugin's parse cache) and keyed by resolved id.
import { parseModule, type ParsedFile } from './ast'
import type { ResolvedModule } from './types'

export interface ModuleUnit {
  id: string
  sf: ParsedFile
}

export class ModuleUnits {
  /** Resolved id -> unit; undefined records a module that could not be read. */
  private readonly units = new Map<string, ModuleUnit | undefined>()
  private main: ParsedFile | undefined

  /** The first file added: the one being transformed. */
  get mainFile(): ParsedFile | undefined {
    return this.main
  }

  add(unit: ModuleUnit): void {
    this.main ??= unit.sf
    this.units.set(unit.id, unit)
  }

  /** The module `resolved` names, parsed once; undefined when it cannot be read. */
  load(resolved: ResolvedModule | undefined): ModuleUnit | undefined {
    if (!resolved) return undefined
    if (this.units.has(resolved.id)) return this.units.get(resolved.id)
    const sf = resolved.parsed && resolved.parsed.text === resolved.code ? resolved.parsed : parseModule(resolved.id, resolved.code)
    const unit = { id: resolved.id, sf }
    this.units.set(resolved.id, unit)
    return unit
  }

  /** Every module parsed so far (the main file first). */
  sourceFiles(): ParsedFile[] {
    return [...this.units.values()].filter((u): u is ModuleUnit => u !== undefined).map((u) => u.sf)
  }
}
