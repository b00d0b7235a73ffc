// The protocol suite over every authoring style.
import { protocolSuite } from './suite/protocol-suite'
import { PROBE_STYLES } from './suite/styles'

for (const [style, make] of PROBE_STYLES) protocolSuite(style, make)
