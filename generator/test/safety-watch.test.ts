/** `lectern watch` faults, for real: a missing note, a port in use, a note deleted and made again. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from './helpers.js'

const bin = process.env.LECTERN_TEST_BIN ?? path.resolve(__dirname, '../bin/lectern.js')

/** The body a URL answers with ('' when nothing answers). */
function body(url: string): Promise<string> {
  return new Promise((resolve) => {
    http
      .get(url, (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve(text))
      })
      .on('error', () => resolve(''))
  })
}

async function until(what: string, predicate: () => boolean, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

const children: ChildProcess[] = []
const blockers: net.Server[] = []
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  for (const server of blockers) server.close()
})

describe('lectern watch on faults', () => {
  it('names a missing note and exits 1 before starting any server', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-safew-'))
    mkdirSync(path.join(dir, 'notes'))
    writeFileSync(path.join(dir, 'notes', 'good.md'), '# Good\n\n## One\n\nA first line.\n')
    const port = await freePort()
    const run = spawnSync(process.execPath, [bin, 'watch', 'notes/good.md', 'notes/typo.md', '--port', String(port)], { cwd: dir, encoding: 'utf8', timeout: 30_000 })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/notes\/typo\.md: no such note/)
    expect(run.stderr).not.toMatch(/^\s+at\s|Unhandled 'error'/m)
    expect(await body(`http://127.0.0.1:${port}/`)).toBe('')
  })

  it(
    'skips a port in use and says which it took; rebuilds a note under node_modules that is deleted and made again; leaves no server when killed',
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-safew-'))
      const notes = path.join(dir, 'node_modules', 'course')
      mkdirSync(notes, { recursive: true })
      const note = path.join(notes, 'soil.md')
      writeFileSync(note, '# Soil\n\n## Layers\n\nTopsoil holds most of the roots.\n')
      // Another program holds the first port.
      const taken = await freePort()
      const blocker = net.createServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nother'))
      await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve))
      blockers.push(blocker)
      const child = spawn(process.execPath, [bin, 'watch', path.relative(dir, note), '--port', String(taken)], { cwd: dir })
      children.push(child)
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.stderr.on('data', (chunk) => (out += chunk))
      await until('watch to be ready', () => out.includes('watching for changes'), 90_000)
      const served = /serving \S+ at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)
      expect(served, out).toBeTruthy()
      const port = Number(served![1])
      expect(port).not.toBe(taken)
      expect(out).toContain(`port ${taken} is in use; using ${port}`)
      expect(await body(`http://127.0.0.1:${port}/`)).not.toBe('other')

      const deck = path.join(dir, 'decks', 'soil', 'slides.md')
      rmSync(note)
      await new Promise((r) => setTimeout(r, 400))
      writeFileSync(note, '# Soil\n\n## Layers\n\nClay below the topsoil holds water for weeks.\n')
      await until('the recreated note to be rebuilt', () => readFileSync(deck, 'utf8').includes('holds water for weeks'), 20_000)
      // The watch writes the deck before it prints the line, so the line may arrive a moment later.
      await until('the rebuild to be reported', () => /rebuilt decks\/soil\/slides\.md/.test(out), 5_000).catch(() => undefined)
      expect(out).toMatch(/rebuilt decks\/soil\/slides\.md/)

      // Even a watch killed with SIGKILL leaves no dev server behind.
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      const deadline = Date.now() + 10_000
      while ((await body(`http://127.0.0.1:${port}/`)) !== '' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(await body(`http://127.0.0.1:${port}/`)).toBe('')
    },
    120_000,
  )
})
