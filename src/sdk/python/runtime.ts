// The static part of every generated Python SDK, in order: the error type and format checks, the
// validator, the client base class. No data from any spec is in here.
import { PYTHON_CLIENT } from './runtime-client'
import { PYTHON_FORMATS } from './runtime-formats'
import { PYTHON_VALIDATE } from './runtime-validate'

export const PYTHON_RUNTIME = PYTHON_FORMATS + PYTHON_VALIDATE + PYTHON_CLIENT
