// The protocol suite over every authoring style.
import { protocolSuite } from '../helpers/protocol-suite/protocol-suite'
import { PROBE_STYLES } from '../helpers/protocol-suite/styles'

for (const [style, make] of PROBE_STYLES) protocolSuite(style, make)
