// The dev server `lectern watch` runs (Slidev's) has endpoints that write the deck:
// `POST /__slidev/slides/<n>.json` rewrites slides.md (content, note, frontmatter) and `/__mcp`
// lets an agent edit slides. Any web page the author opens could send them a "simple" request
// (no preflight). This plugin answers before Slidev's middlewares and refuses:
// - a Host header that is not localhost / 127.0.0.1 / [::1] with the server's port (DNS rebinding);
// - an Origin header that is present and is not the server's own origin;
// - every method but GET and HEAD (the deck is generated: nothing needs to write through HTTP);
// - a request another site's page makes (Sec-Fetch-Site), unless it opens the deck (a navigation);
// - `/__mcp` and `/__open-in-editor`, whatever the method.
// The same Host and Origin rules apply to WebSocket upgrades (HMR, server refs, Monaco writes).
// Every `.svg` answer also gets a CSP that forbids script, so opening an image's URL on the dev
// origin runs nothing even if the file was not sanitized (images are, when lectern copies them).
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

/** Why a request must be refused, or undefined when it may pass. */
export function refusal(req: IncomingMessage, upgrade = false): string | undefined {
  const port = req.socket.localPort
  const host = req.headers.host ?? ''
  const match = /^(\[[^\]]*\]|[^:]+):(\d+)$/.exec(host)
  if (!match || !LOOPBACK.has(match[1].toLowerCase()) || Number(match[2]) !== port) return `host ${JSON.stringify(host)} is not this server`
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) return `origin ${JSON.stringify(origin)} is not this server`
  // Browsers name where a request comes from: another site may open the deck (navigate), not use it.
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && req.headers['sec-fetch-mode'] !== 'navigate') return `a ${site} request that is not a navigation`
  if (upgrade) return undefined
  if (req.method !== 'GET' && req.method !== 'HEAD') return `method ${req.method} is not allowed (the deck is read-only here)`
  if (/^\/(?:__mcp|__open-in-editor)(?:[/?#]|$)/.test(req.url ?? '')) return 'this endpoint is off'
  return undefined
}

function refuse(res: ServerResponse, reason: string): void {
  res.statusCode = 403
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.end(`lectern watch: refused: ${reason}\n`)
}

/** A Vite plugin (dev server only) that makes the served deck read-only and same-origin only. */
export function guard() {
  return {
    name: 'lectern:guard',
    enforce: 'pre' as const,
    apply: 'serve' as const,
    configureServer(server: {
      middlewares: { use: (fn: (req: IncomingMessage, res: ServerResponse, next: () => void) => void) => void }
      httpServer?: { prependListener: (event: 'upgrade', fn: (req: IncomingMessage, socket: Duplex) => void) => void } | null
    }) {
      // Added here, not in a returned hook, so it runs before Slidev's own middlewares.
      server.middlewares.use((req, res, next) => {
        const reason = refusal(req)
        if (reason) return refuse(res, reason)
        if (/\.svg(?:[?#]|$)/i.test(req.url ?? '')) {
          res.setHeader('Content-Security-Policy', SVG_CSP)
          res.setHeader('X-Content-Type-Options', 'nosniff')
        }
        next()
      })
      server.httpServer?.prependListener('upgrade', (req, socket) => {
        if (refusal(req, true)) socket.destroy()
      })
    },
  }
}
