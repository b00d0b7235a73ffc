// Types of build.mjs (a plain Node script, so `node src/ui/build.mjs` needs no TypeScript).
export interface UiBuild {
  outDir: string
  /** Bytes of each written file, minified and min+gzip (level 9). */
  sizes: Record<string, { min: number; gzip: number }>
}
/** src/ui/.build: where the adapters look in the source tree. */
export declare const SOURCE_OUT: string
/** dist/ui: what the package ships, next to the built adapters. */
export declare const DIST_OUT: string
export declare function buildUi(outDir?: string): Promise<UiBuild>
