/**
 * Export safety on the real parts: real CLI, real Slidev build, real Chromium, real file system.
 * Each test here costs one or two Slidev builds; keep it that way.
 */
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { themeDir } from '../src/paths.js'

const bin = process.env.LECTERN_TEST_BIN ?? path.resolve(__dirname, '../bin/lectern.js')

function lectern(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...env } })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lectern-safex-'))
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** Processes (pid and command line) whose command line mentions `needle`. */
function processesWith(needle: string): Array<{ pid: number; cmd: string }> {
  const found: Array<{ pid: number; cmd: string }> = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ')
      const state = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\)\s*/, '')[0]
      if (cmd.includes(needle) && state !== 'Z') found.push({ pid: Number(name), cmd })
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

async function until(what: string, test: () => boolean, timeout = 60_000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const LONG = 'a-history-of-the-grain-trade-along-the-rivers-of-the-late-roman-provinces-'.repeat(4).slice(0, 240)

describe('lectern export replaces its outputs whole (real Slidev, real Chromium)', () => {
  it(
    'exports a 240-character note name, warns about a 21 MB image, and keeps no removed text in spa/ or png/',
    () => {
      const dir = scratch()
      const note = path.join(dir, 'notes', `${LONG}.md`)
      mkdirSync(path.dirname(note), { recursive: true })
      // A real PNG padded past 20 MB (viewers ignore bytes after the image's end).
      const big = path.join(dir, 'notes', 'harbour.png')
      copyFileSync(path.join(themeDir, 'preview.png'), big)
      writeFileSync(big, Buffer.concat([readFileSync(big), Buffer.alloc(21 * 1024 * 1024)]))
      const text = (extra: string) =>
        `# Grain\n\n## Ships\n\nShips carried grain from the south to the capital.\n${extra}\n![The harbour](harbour.png)\n\n## Storage\n\nGranaries kept the grain dry through the winter.\n\n## Prices\n\nPrices rose in years of poor harvests.\n`
      writeFileSync(note, text('\nThe quartermaster Zephyrinus counted every sack twice.\n'))
      expect(lectern(['build', path.relative(dir, note)], dir).code).toBe(0)
      const deck = path.join('decks', readdirSync(path.join(dir, 'decks'))[0])
      const first = lectern(['export', deck, '--format', 'pdf,spa,png'], dir)
      expect(first.stderr).toMatch(/harbour[^\n]*\.png: warning: 21 MB; files over 20 MB/)
      expect(first.code, first.stderr).toBe(0)
      const out = path.join(dir, 'dist', path.basename(deck))
      const slug = path.basename(deck)
      expect(existsSync(path.join(out, `${slug}.pdf`))).toBe(true)
      const spaFiles = filesUnder(path.join(out, 'spa'))
      expect(spaFiles.some((file) => readFileSync(file).includes('Zephyrinus'))).toBe(true)
      const pngs = readdirSync(path.join(out, 'png')).length

      // Remove the sentence and a whole section: the next export must not keep either anywhere.
      writeFileSync(note, text('').replace(/## Prices\n\nPrices rose in years of poor harvests.\n/, ''))
      expect(lectern(['build', path.relative(dir, note)], dir).code).toBe(0)
      const second = lectern(['export', deck, '--format', 'pdf,spa,png'], dir)
      expect(second.code, second.stderr).toBe(0)
      const after = filesUnder(path.join(out, 'spa'))
      expect(after.filter((file) => readFileSync(file).includes('Zephyrinus'))).toEqual([])
      expect(after.filter((file) => readFileSync(file).includes('poor harvests'))).toEqual([])
      expect(readdirSync(path.join(out, 'png')).length).toBeLessThan(pngs)
      // Nothing temporary is left beside the outputs.
      expect(readdirSync(out).sort()).toEqual(['.lectern-export.json', `${slug}.pdf`, 'png', 'spa'])
    },
    300_000,
  )

  it(
    'shows Slidev’s own reason for a failed build in one line, with no stack frames',
    () => {
      const dir = scratch()
      const deck = path.join(dir, 'decks', 'broken')
      mkdirSync(deck, { recursive: true })
      writeFileSync(path.join(deck, 'slides.md'), `---\ntheme: ${themeDir}\ntitle: Broken\n---\n# Broken\n\n![gone](./not-here.png)\n`)
      const run = lectern(['export', 'decks/broken', '--format', 'spa'], dir)
      expect(run.code).toBe(1)
      const lines = run.stderr.trim().split('\n')
      expect(lines).toHaveLength(2)
      expect(lines[0]).toMatch(/^decks\/broken\/slides\.md: slidev build failed: Could not resolve '\.\/not-here\.png'/)
      expect(run.stderr).not.toMatch(/^\s+at\s/m)
      expect(run.stderr).not.toContain('[Getter/Setter]')
      expect(run.stderr).not.toMatch(/\x1b\[/)
    },
    120_000,
  )
})

describe('stopping an export', () => {
  it(
    'leaves no slidev build running even when lectern is killed with SIGKILL',
    async () => {
      const dir = scratch()
      mkdirSync(path.join(dir, 'notes'))
      writeFileSync(path.join(dir, 'notes', 'reef.md'), '# Reefs\n\n## Corals\n\nCorals build reefs over centuries.\n')
      expect(lectern(['build', 'notes/reef.md'], dir).code).toBe(0)
      const deck = path.join(dir, 'decks', 'reef')
      const child = spawn(process.execPath, [bin, 'export', 'decks/reef', '--format', 'spa'], { cwd: dir, stdio: 'ignore' })
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await until('slidev build to start', () => processesWith(path.join(deck, 'slides.md')).some((p) => p.pid !== child.pid))
      child.kill('SIGKILL')
      await exited
      await until('slidev to stop', () => processesWith(deck).length === 0, 5000)
      // The next export cleans what the killed one left beside its outputs, and succeeds.
      const again = lectern(['export', 'decks/reef', '--format', 'spa'], dir)
      expect(again.code, again.stderr).toBe(0)
      expect(readdirSync(path.join(dir, 'dist', 'reef')).sort()).toEqual(['.lectern-export.json', 'spa'])
    },
    120_000,
  )

  it.each([
    ['SIGTERM', 'pdf', 143],
    ['SIGINT', 'spa', 130],
  ] as const)(
    'on %s kills the slidev build and its helpers and leaves no temporary folder (--format %s)',
    async (signal, format, status) => {
      const dir = scratch()
      const tmp = path.join(dir, 'tmp')
      mkdirSync(tmp)
      mkdirSync(path.join(dir, 'notes'))
      writeFileSync(path.join(dir, 'notes', 'tides.md'), '# Tides\n\n## Causes\n\nThe moon pulls the oceans toward it.\n')
      expect(lectern(['build', 'notes/tides.md'], dir).code).toBe(0)
      const deck = path.join(dir, 'decks', 'tides')
      const child = spawn(process.execPath, [bin, 'export', 'decks/tides', '--format', format], { cwd: dir, env: { ...process.env, TMPDIR: tmp }, stdio: 'ignore' })
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
      // Wait until Slidev is running (its command line names the deck) and has started writing.
      await until('slidev build to start', () => processesWith(path.join(deck, 'slides.md')).some((p) => p.pid !== child.pid))
      await new Promise((resolve) => setTimeout(resolve, 1500))
      child.kill(signal)
      expect(await exited).toBe(status)
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(processesWith(deck)).toEqual([])
      expect(readdirSync(tmp).filter((name) => name.startsWith('lectern-'))).toEqual([])
      const out = path.join(dir, 'dist', 'tides')
      // Nothing appears later either: no orphan finishes the SPA after lectern is gone.
      await new Promise((resolve) => setTimeout(resolve, 3000))
      expect(existsSync(path.join(out, 'spa'))).toBe(false)
      expect(existsSync(out) ? readdirSync(out).filter((name) => name !== '.lectern-export.json') : []).toEqual([])
      expect(statSync(dir).isDirectory()).toBe(true)
    },
    120_000,
  )
})
