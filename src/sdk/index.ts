// SDK generation from an OpenWS document alone: `generateSdk(doc, { lang })` -> file name -> text.
import type { OpenWsDocument } from '../runtime/ir/types'
import { packageVersion } from '../cli/version'
import { sdkModel, snake, type ModelOptions } from './model'
import { generatePython } from './python/generate'
import { generateTypeScript } from './ts/generate'

export const SDK_LANGUAGES = ['ts', 'python'] as const
export type SdkLanguage = (typeof SDK_LANGUAGES)[number]

export interface SdkOptions extends ModelOptions {
  lang: SdkLanguage
  /** Written into the header (default: this package's version). */
  version?: string
}

export function generateSdk(doc: OpenWsDocument, options: SdkOptions): Record<string, string> {
  const model = sdkModel(doc, options)
  const version = options.version ?? packageVersion()
  if (options.lang === 'ts') return { [`${model.network.name}.ts`]: generateTypeScript(model, version) }
  if (options.lang === 'python') return { [`${snake(model.network.name)}.py`]: generatePython(model, version) }
  throw new Error(`unknown SDK language "${String(options.lang)}" (${SDK_LANGUAGES.join(', ')})`)
}
