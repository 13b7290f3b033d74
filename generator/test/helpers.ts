import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { VFile } from 'vfile'
import { parseSync } from '@slidev/parser'
import { generateDeck } from '../src/pipeline.js'
import type { AssetResolution } from '../src/types.js'

/** Run the whole pipeline on a note's text, as the build command does (without the file system). */
export function deckOf(text: string, options: { path?: string; resolveImage?: (url: string) => AssetResolution } = {}) {
  const file = new VFile({ path: options.path ?? 'notes/test.md', value: text })
  const deck = generateDeck(file, {
    theme: '../../themes/lectern',
    notePath: file.path,
    resolveImage: options.resolveImage ?? (() => ({ status: 'missing', reason: 'the file does not exist' })),
    resolveTheme: (value) => value,
  })
  return { ...deck, file, parsed: parseSync(deck.markdown, 'slides.md') }
}

/**
 * The key takeaways a note's deck ends with: each slide's title and its bullets as plain text
 * (`marks`: with "**" around bold runs).
 */
export function takeawaySlides(text: string, marks = false): Array<{ title: string; bullets: string[] }> {
  return deckOf(text)
    .slides.filter((slide) => slide.kind === 'takeaways')
    .map((slide) => ({
      title: slide.title,
      bullets: slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.map((item) => item.runs.map((run) => (marks && run.strong ? `**${run.text}**` : run.text)).join('')) : [])),
    }))
}

/** The bullets of a note's key takeaways, in order (see takeawaySlides). */
export function takeawayBullets(text: string, marks = false): string[] {
  return takeawaySlides(text, marks).flatMap((slide) => slide.bullets)
}

/** A real PNG of one colour, made here so that tests ship no binary files. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(12 + data.length)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length)
    return out
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x40)])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** A TCP port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// LECTERN_TEST_BIN runs the CLI tests against another build of lectern (e.g. an older commit).
const bin = process.env.LECTERN_TEST_BIN ?? path.resolve(__dirname, '../bin/lectern.js')

/** Run the real CLI in `cwd`; a run past `timeout` ms is killed and reported as `timedOut`. */
export function lectern(args: string[], cwd: string, timeout = 30_000) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.signal === 'SIGTERM' }
}

/** A new empty folder under the system's temporary folder. */
export function scratch(prefix = 'lectern-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Write a file, making its folders first. */
export function write(file: string, text: string | Buffer): void {
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, text)
}

/**
 * Mermaid's own parser, with a DOM from jsdom (Mermaid sanitises labels through DOMPurify):
 * resolves to a function that rejects text Mermaid cannot draw.
 */
export async function mermaidParser(): Promise<(text: string) => Promise<unknown>> {
  const require = createRequire(import.meta.url)
  const { JSDOM } = require('jsdom') as typeof import('jsdom')
  const dom = new JSDOM('<!doctype html><body></body>')
  Object.assign(globalThis, { window: dom.window, document: dom.window.document })
  const mermaid = (await import('mermaid')).default
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })
  return (text) => mermaid.parse(text)
}
