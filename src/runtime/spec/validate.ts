// validate(doc): checks a value against the OpenWS document schema with the eval-free interpreter
// and throws OPENWS_ERR_INVALID_SPEC whose message names the network, role and message of each issue.
import { OpenWsError } from '../openws-error'
import { interpret } from '../interpret/index'
import type { OpenWsDocument } from '../ir/types'
import type { Validator } from '../validate/types'
import { OPENWS_DOCUMENT_SCHEMA } from './document-schema'
import { describeIssue, type SpecIssue } from './issue-text'

/** How many issues one failed validation reports at most. */
export const MAX_SPEC_ISSUES = 20

let documentValidator: Validator | undefined

/** Prepared once on first use: the schema is a constant, so the cache never goes stale. */
function validator(): Validator {
  if (documentValidator !== undefined) return documentValidator
  const prepared: Validator = interpret(OPENWS_DOCUMENT_SCHEMA)
  documentValidator = prepared
  return prepared
}

/** The issues of `doc` against the document schema, each with a sentence; empty when valid. */
export function specIssues(doc: unknown, maxIssues = MAX_SPEC_ISSUES): SpecIssue[] {
  const v = validator()
  if (v.is(doc)) return []
  return v.explain(doc, maxIssues).map((issue) => describeIssue(issue))
}

/** Returns `doc` typed as an OpenWS document, or throws OPENWS_ERR_INVALID_SPEC listing every issue. */
export function validate(doc: unknown): OpenWsDocument {
  const issues = specIssues(doc)
  const [first] = issues
  if (first === undefined) return doc as OpenWsDocument
  const count = `${issues.length}${issues.length === MAX_SPEC_ISSUES ? '+' : ''} issue${issues.length === 1 ? '' : 's'}`
  const text =
    issues.length === 1
      ? `the OpenWS document is not valid: ${first.message}`
      : `the OpenWS document is not valid (${count}):\n${issues.map((issue, i) => `  ${i + 1}. ${issue.message}`).join('\n')}`
  // The message already names each issue's location; the error's fields carry the first one's.
  const { network, role, message } = first.where
  throw new OpenWsError('OPENWS_ERR_INVALID_SPEC', text, { issues, network, role, message })
}
