// date, time, date-time and uuid are scanned by char code for speed. Here they are checked
// against the regular expressions they replaced (the RFC 3339 / RFC 4122 grammar, written
// plainly) on random strings built from the formats' own alphabet, plus near-misses of valid values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDate, isDateTime, isTime, isUuid } from '../../src/runtime/validate/formats'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:(z)|([+-])(\d{2}):(\d{2}))$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)

function oracleDate(s: string): boolean {
  const m = DATE.exec(s)
  if (m === null) return false
  const [year, month, day] = [+m[1]!, +m[2]!, +m[3]!]
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap(year) ? 29 : DAYS[month]!)
}

function oracleTime(s: string): boolean {
  const m = TIME.exec(s)
  if (m === null) return false
  const [hour, minute, second] = [+m[1]!, +m[2]!, +m[3]!]
  const sign = m[5] === '-' ? -1 : 1
  const tzHour = m[6] === undefined ? 0 : +m[6]
  const tzMinute = m[7] === undefined ? 0 : +m[7]
  if (tzHour > 23 || tzMinute > 59 || hour > 23 || minute > 59) return false
  if (second <= 59) return true
  if (second !== 60) return false
  return (((hour * 60 + minute - sign * (tzHour * 60 + tzMinute)) % 1440) + 1440) % 1440 === 23 * 60 + 59
}

const oracleDateTime = (s: string): boolean => /^.{10}[Tt]/s.test(s) && oracleDate(s.slice(0, 10)) && oracleTime(s.slice(11))

const VALID = ['2024-02-29T23:59:60.123-00:00', '1999-12-31t23:59:60z', '2024-05-01T10:00:00+05:30', '2eb8aa08-AA98-11ea-b4aa-73b441d16380']
// Non-ASCII units whose low 7 bits are a hex digit ('\u00e1' -> 'a', '\u0161' -> 'a', '\u00b0' -> '0'):
// the uuid scanner looks them up by their low bits, so it must reject them by the high ones.
const alphabet = fc.constantFrom(...'0123456789-:.+TtZzaAfFgG \u0660\u00e1\u0161\u00b0'.split(''))
const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.nat(40), alphabet, fc.constantFrom('replace', 'insert', 'delete', 'cut'))
  .map(([s, at, c, op]) => {
    const i = at % (s.length + 1)
    return op === 'replace'
      ? s.slice(0, i) + c + s.slice(i + 1)
      : op === 'insert'
        ? s.slice(0, i) + c + s.slice(i)
        : op === 'delete'
          ? s.slice(0, i) + s.slice(i + 1)
          : s.slice(0, i)
  })
const strings = fc.oneof(fc.string({ unit: alphabet, maxLength: 40 }), mutated, fc.constantFrom(...VALID))

describe('format scanners', () => {
  it('agree with the regular-expression grammar on 40,000 strings', () => {
    let accepted = 0
    fc.assert(
      fc.property(strings, (s) => {
        for (const [scan, oracle] of [
          [isDate, oracleDate],
          [isTime, oracleTime],
          [isDateTime, oracleDateTime],
          [isUuid, (x: string) => UUID.test(x)],
        ] as const) {
          const r = scan(s)
          expect(r, `${scan.name}(${JSON.stringify(s)})`).toBe(oracle(s))
          if (r) accepted++
        }
      }),
      { numRuns: 40_000 },
    )
    // The generator reaches valid values, so the agreement is not only on rejections.
    expect(accepted).toBeGreaterThan(1000)
  })

  it('accept the edge cases of RFC 3339 and reject near misses', () => {
    expect(isDateTime('2024-02-29T23:59:60.5Z')).toBe(true)
    expect(isDateTime('2023-02-29T10:00:00Z')).toBe(false)
    expect(isDateTime('2024-05-01T10:00:00.Z')).toBe(false)
    expect(isDateTime('2024-05-01T10:00:00+0530')).toBe(false)
    expect(isTime('12:00:00')).toBe(false)
    expect(isDate('2024-5-01')).toBe(false)
    expect(isUuid('2eb8aa08-aa98-11ea-b4aa-73b441d1638')).toBe(false)
    expect(isUuid('2eb8aa08+aa98-11ea-b4aa-73b441d16380')).toBe(false)
  })
})
