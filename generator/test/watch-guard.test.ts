/**
 * `lectern watch` for real: its dev server answers the deck to the author's browser but takes no
 * writes, nothing from another origin, no foreign Host (DNS rebinding); an SVG image is served
 * sanitized and with a CSP that forbids script.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-chromium'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './helpers.js'
import { CHROMIUM_ARGS, findBrowser } from '../src/export/browser.js'

const bin = process.env.LECTERN_TEST_BIN ?? path.resolve(__dirname, '../bin/lectern.js')

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

/** One HTTP request to the dev server, with the headers a browser or an attacker would send. */
function request(port: number, method: string, url: string, headers: Record<string, string> = {}, data?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: url, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end(data)
  })
}

const NOTE = '# Rivers\n\n## Erosion\n\nWater wears the bank on the outer side of a bend.\n\n![Bend](bend.svg)\n\n## Deposits\n\nSilt settles where the current slows.\n'
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="fetch(\'/x\')"><script>window.top.__svg = 1</script><circle cx="4" cy="4" r="3"/></svg>\n'
const PAYLOAD = JSON.stringify({ content: '# Taken\n\n<script setup>\nwindow.__csrf = 1\n</script>\n', frontmatterRaw: 'src: /etc/hostname\n', note: 'x' })

let child: ChildProcess
let dir: string
let port: number
let slides: string
let before: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-guard-'))
  mkdirSync(path.join(dir, 'notes'))
  writeFileSync(path.join(dir, 'notes', 'rivers.md'), NOTE)
  writeFileSync(path.join(dir, 'notes', 'bend.svg'), SVG)
  child = spawn(process.execPath, [bin, 'watch', 'notes/rivers.md', '--port', String(await freePort())], { cwd: dir })
  let out = ''
  child.stdout!.on('data', (chunk) => (out += chunk))
  child.stderr!.on('data', (chunk) => (out += chunk))
  const deadline = Date.now() + 90_000
  while (!out.includes('watching for changes')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`watch did not start:\n${out}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  port = Number(/serving \S+ at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1])
  slides = path.join(dir, 'decks', 'rivers', 'slides.md')
  before = readFileSync(slides, 'utf8')
}, 120_000)

afterAll(() => child?.kill('SIGKILL'))

describe('lectern watch dev server', () => {
  it('still serves the deck and a slide to a plain GET', async () => {
    const index = await request(port, 'GET', '/')
    expect(index.status).toBe(200)
    expect(index.body).toMatch(/<div id="app">/)
    const slide = await request(port, 'GET', '/__slidev/slides/2.json')
    expect(slide.status).toBe(200)
    expect(slide.body).toContain('Erosion')
  })

  it('refuses a cross-origin POST to the slide endpoint and leaves slides.md unchanged', async () => {
    // What a foreign page's `fetch(..., {mode: 'no-cors'})` sends: a simple text/plain POST.
    for (const n of [1, 2, 3]) {
      const answer = await request(port, 'POST', `/__slidev/slides/${n}.json`, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'content-type': 'text/plain' }, PAYLOAD)
      expect(answer.status).toBe(403)
    }
    await new Promise((r) => setTimeout(r, 300))
    expect(readFileSync(slides, 'utf8')).toBe(before)
  })

  it('refuses any write, even with no Origin or the own origin; refuses MCP and open-in-editor', async () => {
    expect((await request(port, 'POST', '/__slidev/slides/1.json', { 'content-type': 'application/json' }, PAYLOAD)).status).toBe(403)
    expect((await request(port, 'POST', '/__slidev/slides/1.json', { origin: `http://127.0.0.1:${port}` }, PAYLOAD)).status).toBe(403)
    expect((await request(port, 'PUT', '/__slidev/slides/1.json', {}, PAYLOAD)).status).toBe(403)
    expect((await request(port, 'POST', '/__mcp', { 'content-type': 'application/json' }, '{"jsonrpc":"2.0","id":1,"method":"tools/list"}')).status).toBe(403)
    expect((await request(port, 'GET', '/__mcp')).status).toBe(403)
    expect((await request(port, 'GET', '/__open-in-editor?file=slides.md', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' })).status).toBe(403)
    expect((await request(port, 'GET', '/__open-in-editor?file=slides.md')).status).toBe(403)
    await new Promise((r) => setTimeout(r, 300))
    expect(readFileSync(slides, 'utf8')).toBe(before)
  })

  it('refuses a foreign Host (DNS rebinding) and a cross-origin read, allows a navigation from elsewhere', async () => {
    expect((await request(port, 'GET', '/', { host: `evil.example:${port}` })).status).toBe(403)
    expect((await request(port, 'GET', '/', { host: '127.0.0.1:1' })).status).toBe(403)
    expect((await request(port, 'GET', '/__slidev/slides/1.json', { origin: 'http://localhost:8998', 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors' })).status).toBe(403)
    expect((await request(port, 'GET', '/', { host: `localhost:${port}` })).status).toBe(200)
    expect((await request(port, 'GET', '/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).status).toBe(200)
  })

  it('listens on loopback only, and drops a WebSocket upgrade from another origin', async () => {
    const outside = Object.values(os.networkInterfaces())
      .flat()
      .filter((address) => address && !address.internal)
      .map((address) => address!.address)
    for (const address of [...outside, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host: address, port }, () => {
          socket.destroy()
          resolve(true)
        })
        socket.on('error', () => resolve(false))
      })
      expect(reached, address).toBe(false)
    }
    /** The first bytes the server answers a WebSocket handshake with ('' when it hangs up). */
    const handshake = (origin: string): Promise<string> =>
      new Promise((resolve) => {
        const socket = net.connect({ host: '127.0.0.1', port }, () => {
          socket.write(
            `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
              'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: vite-hmr\r\n\r\n',
          )
        })
        let text = ''
        socket.on('data', (chunk) => {
          text += chunk
          socket.destroy()
        })
        socket.on('close', () => resolve(text))
        socket.on('error', () => resolve(text))
        setTimeout(() => socket.destroy(), 3000)
      })
    expect(await handshake('http://evil.example')).not.toMatch(/^HTTP\/1\.1 101/)
  })

  it('serves the note SVG sanitized, with a CSP that forbids script', async () => {
    const assets = readdirSync(path.join(dir, 'decks', 'rivers', 'assets'))
    const svg = assets.find((name) => name.endsWith('.svg'))!
    expect(svg).toBeTruthy()
    const answer = await request(port, 'GET', `/assets/${svg}`)
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<circle')
    expect(answer.body).not.toMatch(/<script|onload|__svg/i)
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'none'/)
    expect(answer.headers['content-security-policy']).not.toMatch(/script-src/)
  })

  it(
    'in Chromium: the deck renders live, a foreign page cannot rewrite it, the SVG URL runs nothing',
    async () => {
      // The attacker's page, on another port of the same machine.
      const foreign = http.createServer((_req, res) => res.end('<!doctype html><title>other</title>'))
      await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
      const foreignPort = (foreign.address() as net.AddressInfo).port
      const browser = await chromium.launch({ executablePath: await findBrowser(), args: CHROMIUM_ARGS })
      try {
        const page = await browser.newPage()
        const consoleLines: string[] = []
        page.on('console', (message) => consoleLines.push(message.text()))
        await page.goto(`http://127.0.0.1:${port}/2`)
        await page.getByText('Water wears the bank').first().waitFor({ state: 'attached', timeout: 30_000 })
        // Live reload still connects: the guard lets the deck's own WebSocket through.
        const deadline = Date.now() + 10_000
        while (!consoleLines.some((line) => /\[vite\] connected/.test(line)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
        expect(consoleLines.join('\n')).toMatch(/\[vite\] connected/)

        const other = await browser.newPage()
        await other.goto(`http://127.0.0.1:${foreignPort}/`)
        const sent = await other.evaluate(
          async ({ url, body }) => {
            const answer = await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then(
              () => 'sent',
              (error: Error) => error.message,
            )
            return answer
          },
          { url: `http://127.0.0.1:${port}/__slidev/slides/2.json`, body: PAYLOAD },
        )
        expect(sent).toBe('sent') // an opaque answer: the browser did send it
        await new Promise((r) => setTimeout(r, 1000))
        expect(readFileSync(slides, 'utf8')).toBe(before)
        expect(await page.evaluate(() => (window as unknown as { __csrf?: number }).__csrf)).toBeUndefined()

        const svg = readdirSync(path.join(dir, 'decks', 'rivers', 'assets')).find((name) => name.endsWith('.svg'))!
        const image = await browser.newPage()
        const asked: string[] = []
        image.on('request', (req) => asked.push(req.url()))
        await image.goto(`http://127.0.0.1:${port}/assets/${svg}`)
        await new Promise((r) => setTimeout(r, 300))
        expect(await image.evaluate(() => (window as unknown as { __svg?: number }).__svg)).toBeUndefined()
        expect(asked.filter((url) => url.endsWith('/x'))).toEqual([])
      } finally {
        await browser.close()
        foreign.close()
      }
    },
    90_000,
  )
})
