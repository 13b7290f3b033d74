/**
 * Remote images, fetched at build time from a real HTTP server on 127.0.0.1 (nothing leaves the
 * machine): the limits, the sniffing, SVG sanitizing, the cache, the manifest and offline builds.
 */
import { execFile } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { png } from './helpers.js'
import { parseSync } from '@slidev/parser'
import { fetchImage, sniffImage } from '../src/commands/remote.js'
import { sanitizeSvg } from '../src/commands/svg.js'

const bin = path.resolve(__dirname, '../bin/lectern.js')

const EVIL_SVG =
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 20 10" onload="window.__pwned=1">' +
  '<script>window.__pwned=2</script><rect width="20" height="10" fill="#0f766e" onclick="x()"/>' +
  '<image xlink:href="http://127.0.0.1:1/track.png" width="5" height="5"/><foreignObject><p>html</p></foreignObject><text x="2" y="8">ok</text></svg>'

let server: Server
let base: string
const requests: string[] = []

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    const url = request.url ?? ''
    if (url.startsWith('/fig.png')) return response.writeHead(200, { 'content-type': 'image/png' }).end(png(40, 20))
    if (url === '/loop') return response.writeHead(302, { location: '/loop' }).end()
    if (url === '/hop') return response.writeHead(301, { location: '/fig.png?moved' }).end()
    if (url === '/slow.png') {
      setTimeout(() => response.writeHead(200, { 'content-type': 'image/png' }).end(png(4, 4)), 3000)
      return
    }
    if (url === '/page.png') return response.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><html><body>Login</body></html>')
    if (url === '/evil.svg') return response.writeHead(200, { 'content-type': 'image/svg+xml' }).end(EVIL_SVG)
    if (url === '/big.png') return response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([png(2, 2), Buffer.alloc(300_000)]))
    response.writeHead(404).end('not here')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const limits = { timeoutMs: 800, maxBytes: 100_000, maxRedirects: 3 }

describe('fetching one remote image', () => {
  it('fetches a PNG and names its type from its bytes', async () => {
    const result = await fetchImage(`${base}/fig.png`, limits)
    expect(result).toMatchObject({ ok: true, ext: '.png' })
  })

  it('follows a redirect, and gives up on a redirect loop', async () => {
    expect(await fetchImage(`${base}/hop`, limits)).toMatchObject({ ok: true, ext: '.png' })
    expect(await fetchImage(`${base}/loop`, limits)).toEqual({ ok: false, reason: 'more than 3 redirects' })
  })

  it('gives up on a slow server after the timeout', async () => {
    const started = Date.now()
    expect(await fetchImage(`${base}/slow.png`, limits)).toEqual({ ok: false, reason: 'no answer within 0.8 s' })
    expect(Date.now() - started).toBeLessThan(2500)
  })

  it('refuses an HTML page served as an image, and a file over the size cap', async () => {
    expect(await fetchImage(`${base}/page.png`, limits)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not an image/) })
    expect(await fetchImage(`${base}/big.png`, limits)).toMatchObject({ ok: false, reason: expect.stringMatching(/^larger than/) })
  })

  it('sanitizes an SVG: no script, no event handler, no outside reference, no foreignObject', async () => {
    const result = await fetchImage(`${base}/evil.svg`, limits)
    expect(result.ok).toBe(true)
    const text = result.ok ? Buffer.from(result.bytes).toString('utf8') : ''
    expect(text).toMatch(/^<svg[^>]*viewBox="0 0 20 10"/)
    expect(text).toContain('<rect')
    expect(text).not.toMatch(/script|onload|onclick|127\.0\.0\.1|foreignObject|__pwned/i)
  })

  it.each([
    [png(1, 1), '.png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), '.jpg'],
    [Buffer.from('GIF89a....'), '.gif'],
    [Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), '.svg'],
    [Buffer.from('<html><svg></svg></html>'), undefined],
    [Buffer.from('plain text'), undefined],
  ])('sniffs %# as %s', (bytes, ext) => {
    expect(sniffImage(bytes)).toBe(ext)
  })

  it('refuses bytes that are not an SVG document', () => {
    expect(sanitizeSvg(Buffer.from('<html><body><svg/></body></html>'))).toBeUndefined()
  })
})

describe('lectern build with remote images', () => {
  let work: string
  const note = () => `# Trade\n\n## Exports\n\nThe chart shows exports by year.\n\n![Export chart](${base}/fig.png)\n\n![Logo](${base}/evil.svg)\n\n![Gone](${base}/nothing.png)\n`
  // Asynchronous: the server runs in this process and must answer while the build waits.
  const build = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ status: number; stderr: string }>((resolve) => {
      execFile(process.execPath, [bin, 'build', 'notes/trade.md', ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, ...env } }, (error, _stdout, stderr) =>
        resolve({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr }),
      )
    })

  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'lectern-remote-'))
    mkdirSync(path.join(work, 'notes'))
    writeFileSync(path.join(work, 'notes', 'trade.md'), note())
  })

  it('with LECTERN_OFFLINE=1 or --offline touches no network, warns, and shows no placeholder', async () => {
    for (const run of [() => build([], { LECTERN_OFFLINE: '1' }), () => build(['--offline', '--force'])]) {
      requests.length = 0
      const result = await run()
      expect(result.status, result.stderr).toBe(0)
      expect(requests).toEqual([])
      expect(result.stderr).toMatch(/notes\/trade\.md:7:1: warning: image `http:\/\/127\.0\.0\.1:\d+\/fig\.png` is not shown: offline/)
      const deck = readFileSync(path.join(work, 'decks', 'trade', 'slides.md'), 'utf8')
      const slides = parseSync(deck, 's').slides
      expect(slides.map((s) => s.content).join('\n')).not.toMatch(/Image not shown|127\.0\.0\.1|lectern-missing/)
      const notes = slides.map((s) => s.note ?? '').join('\n')
      expect(notes).toContain('Export chart')
      expect(notes).toContain(`${base}/fig.png`)
    }
  })

  it('fetches into the deck under a content hash, records it in the manifest and the shared cache', async () => {
    requests.length = 0
    const result = await build([])
    expect(result.status, result.stderr).toBe(0)
    expect(requests.sort()).toEqual(['/evil.svg', '/fig.png', '/nothing.png'])
    const assets = readdirSync(path.join(work, 'decks', 'trade', 'assets')).sort((a, b) => path.extname(a).localeCompare(path.extname(b)))
    expect(assets).toEqual([expect.stringMatching(/^remote-[0-9a-f]{16}\.png$/), expect.stringMatching(/^remote-[0-9a-f]{16}\.svg$/)])
    const svg = readFileSync(path.join(work, 'decks', 'trade', 'assets', assets[1]), 'utf8')
    expect(svg).not.toMatch(/script|onload/i)
    const manifest = JSON.parse(readFileSync(path.join(work, 'decks', 'trade', '.lectern.json'), 'utf8'))
    expect(Object.keys(manifest.remote).sort()).toEqual([`${base}/evil.svg`, `${base}/fig.png`])
    expect(readdirSync(path.join(work, 'decks', '.lectern-cache'))).toContain('index.json')
    expect(result.stderr).toMatch(/nothing\.png` is not shown: the server answered 404/)
  })

  it('rebuilds offline from the cache to the same bytes, and from the deck when the cache is gone', async () => {
    const first = readFileSync(path.join(work, 'decks', 'trade', 'slides.md'), 'utf8')
    requests.length = 0
    expect((await build(['--offline', '--force'])).status).toBe(0)
    expect(requests).toEqual([])
    expect(readFileSync(path.join(work, 'decks', 'trade', 'slides.md'), 'utf8')).toBe(first)
    rmSync(path.join(work, 'decks', '.lectern-cache'), { recursive: true })
    expect((await build(['--offline', '--force'])).status).toBe(0)
    expect(requests).toEqual([])
    expect(readFileSync(path.join(work, 'decks', 'trade', 'slides.md'), 'utf8')).toBe(first)
  })
})
