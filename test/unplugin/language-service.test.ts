// Typed mode's one long-lived LanguageService: sees the bundler's text, follows type-only
// dependencies, and notices an edited type file (by mtime, or by invalidate from watchChange).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { createTypedService } from '../../src/unplugin/language-service'

const dir = mkdtempSync(join(tmpdir(), 'openws-ls-')).replace(/\\/g, '/')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const a = `${dir}/a.ts`
const b = `${dir}/b.ts`
const code = "import type { P } from './b'\nexport declare const p: P\n"
writeFileSync(a, code)
writeFileSync(b, 'export interface P { n: number }\n')

function typeOfP(service: ReturnType<typeof createTypedService>, text = code, file = a): string {
  const program = service.update(file, text).getProgram()!
  const sf = program.getSourceFile(file)!
  const checker = program.getTypeChecker()
  const decl = sf.statements[sf.statements.length - 1]! as unknown as { declarationList: { declarations: Array<{ name: never }> } }
  return checker.typeToString(checker.getTypeAtLocation(decl.declarationList.declarations[0]!.name), undefined, 1 /* NoTruncation */)
}

describe('typed service', () => {
  const service = createTypedService(ts, dir)

  it('type-checks the text the bundler hands over, not the disk', () => {
    expect(typeOfP(service)).toBe('P')
    expect(typeOfP(service, 'export declare const p: { fromBundler: true }\n')).toBe('{ fromBundler: true; }')
  })

  it('lists the files the payload types come from', () => {
    typeOfP(service)
    expect(service.dependencies(a)).toEqual([b])
  })

  it('re-reads a type file edited on disk (mtime), even without watchChange', () => {
    const program1 = service.update(a, code).getProgram()!
    writeFileSync(b, 'export interface P { n: string }\n')
    const later = new Date(Date.now() + 5000)
    utimesSync(b, later, later)
    const program2 = service.update(a, code).getProgram()!
    expect(program2).not.toBe(program1)
    const text = program2.getSourceFile(b)!.text
    expect(text).toContain('n: string')
  })

  it('after invalidate, reads the file from disk again', () => {
    service.update(b, 'export interface P { fromBundler: 1 }\n')
    writeFileSync(b, 'export interface P { fromDisk: 1 }\n')
    service.invalidate(b)
    expect(service.update(a, code).getProgram()!.getSourceFile(b)!.text).toContain('fromDisk')
  })

  it('keeps one program when nothing changed', () => {
    const p1 = service.update(a, code).getProgram()
    const p2 = service.update(a, code).getProgram()
    expect(p2).toBe(p1)
    service.dispose()
  })
})

// A monorepo: the payload type lives in a workspace package that npm/pnpm link into node_modules.
// Its real file is project source: it must be a dependency (watched) and re-read when edited.
describe('typed service, workspace package linked into node_modules', () => {
  const repo = realpathSync(mkdtempSync(join(tmpdir(), 'openws-ls-mono-'))).replace(/\\/g, '/')
  afterAll(() => rmSync(repo, { recursive: true, force: true }))
  const shared = `${repo}/packages/shared`
  const types = `${shared}/src/index.ts`
  const app = `${repo}/app`
  const roles = `${app}/roles.ts`
  const rolesCode = "import type { P } from '@acme/shared'\nexport declare const p: P\n"
  mkdirSync(`${shared}/src`, { recursive: true })
  mkdirSync(`${app}/node_modules/@acme`, { recursive: true })
  writeFileSync(
    `${shared}/package.json`,
    JSON.stringify({ name: '@acme/shared', exports: { '.': { types: './src/index.ts', default: './src/index.ts' } } }),
  )
  writeFileSync(types, 'export interface P { n: number }\n')
  symlinkSync(shared, `${app}/node_modules/@acme/shared`, 'dir')
  writeFileSync(roles, rolesCode)
  const service = createTypedService(ts, app)
  const pOf = () => {
    const program = service.update(roles, rolesCode).getProgram()!
    const checker = program.getTypeChecker()
    const sf = program.getSourceFile(roles)!
    const decl = sf.statements[1]! as unknown as { declarationList: { declarations: Array<{ name: never }> } }
    const t = checker.getTypeAtLocation(decl.declarationList.declarations[0]!.name)
    return checker.typeToString(checker.getTypeOfSymbol(t.getProperties()[0]!))
  }

  it("lists the linked package's real file among the dependencies", () => {
    expect(pOf()).toBe('number')
    expect(service.dependencies(roles)).toEqual([types])
  })

  it('re-reads the linked type file when it is edited on disk', () => {
    expect(pOf()).toBe('number')
    writeFileSync(types, 'export interface P { n: string }\n')
    const later = new Date(Date.now() + 5000)
    utimesSync(types, later, later)
    expect(pOf()).toBe('string')
    service.dispose()
  })
})
