// Mounts the openws UI (`GET {path}/ui`, `{path}/ui/*`) on a fastify instance; see ../ui-assets.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { uiHandler, uiPathOf } from '../ui-assets'

export function mountFastifyUi(app: FastifyInstance, path: string): void {
  const handle = uiHandler(path)
  const uiPath = uiPathOf(path)
  const answer = (rest: string, reply: FastifyReply) => {
    const response = handle(rest)
    return reply.code(response.status).headers(response.headers).send(response.body)
  }
  // With fastify's ignoreTrailingSlash, `{path}/ui/` lands here too: redirect it, as relative
  // URLs in the page resolve from `{path}/ui`.
  app.get(uiPath, (request, reply) => answer(request.url.split('?')[0]!.endsWith('/') ? '/' : '', reply))
  app.get(`${uiPath}/*`, (request: FastifyRequest, reply) => answer(`/${(request.params as { '*': string })['*']}`, reply))
}
