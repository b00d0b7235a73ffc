// openws diff <old> <new> [--json]: breaking changes for a deployed network.
import { diffDocuments, formatReport } from '../diff/network-diff'
import type { Io } from '../io'
import { loadDocument } from '../load'

export const DIFF_HELP = `Usage: openws diff <old.json> <new.json> [--json]

Compares two OpenWS documents as a deployed host sees them. Breaking: a network, role or message
removed; the host role changed; a message's "from" narrowed; a payload the host receives made
stricter (new required field, narrower type, tighter min/max/length/pattern/enum,
additionalProperties false...); a payload the host sends made looser. Exit code 1 when anything
breaks, 0 otherwise. --json prints { breaking, nonBreaking }.
`

export async function diffCommand(io: Io, before: string, after: string, options: { json?: boolean }): Promise<number> {
  const a = await loadDocument(io.cwd, before)
  const b = await loadDocument(io.cwd, after)
  const report = diffDocuments(a, b)
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report))
  return report.breaking.length > 0 ? 1 : 0
}
