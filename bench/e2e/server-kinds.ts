// The servers under test (shared by the orchestrator and the child entry without starting one).
// openws kinds run the compiled artifact (what the transformer ships); '-interp' the interpreter
// fallback (plain tsx/node without the transformer).
export const KINDS = ['raw-ws', 'openws-ws', 'openws-fastify', 'openws-ws-interp'] as const
export type Kind = (typeof KINDS)[number]
