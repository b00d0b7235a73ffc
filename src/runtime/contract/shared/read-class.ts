// The reader both class styles use: static CONFIG or decorators, never both on one class.
import { openwsError } from '../../openws-error'
import { readConfigRole } from '../class/config-reader'
import { readDecoratedRole } from '../decorator/reader'
import type { ClassRole } from './class-role'
import { show } from './show'

export function readClassRole(cls: Function): ClassRole | undefined {
  const fromConfig = readConfigRole(cls)
  const fromDecorators = readDecoratedRole(cls)
  if (fromConfig && fromDecorators) {
    throw openwsError('OPENWS_ERR_INVALID_OPTION', `${show(cls)} has both a static CONFIG and role decorators; use one`)
  }
  return fromConfig ?? fromDecorators
}
