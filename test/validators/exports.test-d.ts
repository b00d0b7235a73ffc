import { expectTypeOf, test } from 'vitest'
import { interpret } from '../../src/runtime/interpret/index'
import { generateValidator, generateValidatorModule, type GeneratedValidator } from '../../src/runtime/codegen/index'
import { checkSupported, validatorHelpers, SUPPORTED_FORMATS, type SchemaProblem } from '../../src/runtime/validate/index'
import type { Issue, Validator } from '../../src/runtime/validate/types'

test('public validator signatures', () => {
  expectTypeOf(interpret).returns.toEqualTypeOf<Validator>()
  expectTypeOf(generateValidator).returns.toEqualTypeOf<GeneratedValidator>()
  expectTypeOf<GeneratedValidator['source']>().toEqualTypeOf<string>()
  expectTypeOf(generateValidatorModule).returns.toEqualTypeOf<string>()
  expectTypeOf(checkSupported).returns.toEqualTypeOf<SchemaProblem[]>()
  expectTypeOf<SchemaProblem['kind']>().toEqualTypeOf<'unsupported' | 'malformed'>()
  expectTypeOf<Validator['explain']>().returns.toEqualTypeOf<Issue[]>()
  expectTypeOf(validatorHelpers.cpLen).toEqualTypeOf<(s: string) => number>()
  expectTypeOf<(typeof SUPPORTED_FORMATS)[number]>().toEqualTypeOf<
    'date-time' | 'date' | 'time' | 'email' | 'uuid' | 'uri' | 'ipv4' | 'ipv6'
  >()
})
