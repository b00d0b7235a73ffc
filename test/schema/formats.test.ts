// The builder's format list is the validators' list: a format S accepts is one they implement.
import { expect, it } from 'vitest'
import { SUPPORTED_FORMATS } from '../../src/runtime/schema/index'
import { SUPPORTED_FORMATS as VALIDATOR_FORMATS } from '../../src/runtime/validate/supported-subset'

it('S formats equal the validator formats', () => {
  expect([...SUPPORTED_FORMATS].sort()).toEqual([...VALIDATOR_FORMATS].sort())
})
