import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { onExit } from '../fsutil.js'

const require = createRequire(import.meta.url)

/** The path of Slidev's CLI script, from the installed @slidev/cli. */
export function slidevBin(): string {
  const pkgPath = require.resolve('@slidev/cli/package.json')
  const pkg = require(pkgPath) as { bin: string | Record<string, string> }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.slidev
  return path.join(path.dirname(pkgPath), bin)
}

/**
 * Runs Slidev in the process group it leads, and kills that whole group when lectern's end of
 * its stdin closes: even a lectern killed with SIGKILL leaves no Slidev build behind.
 */
const WATCHDOG = [
  "const { spawn } = require('node:child_process')",
  "const kill = () => { try { process.kill(-process.pid, 'SIGKILL') } catch {} }",
  "const child = spawn(process.execPath, process.argv.slice(1), { stdio: ['ignore', 'inherit', 'inherit'] })",
  "process.stdin.on('end', kill).on('error', kill).resume()",
  "child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))",
].join('\n')

/** Running Slidev children, each the leader of its own process group. */
const running = new Set<ChildProcess>()
let exitHookInstalled = false

/**
 * Kill every running Slidev child's whole process group and wait until it stops. Synchronous,
 * so it runs on exit (signals included: the CLI turns SIGINT/SIGTERM into an exit), before
 * lectern's temporary folders are removed.
 */
export function stopSlidevChildren(): void {
  for (const child of running) killGroup(child, 'SIGKILL')
  for (const child of running) waitUntilDead(child.pid)
  running.clear()
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (!child.pid) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/** Wait (at most a second) until a killed child is a zombie or gone, so it writes nothing more. */
function waitUntilDead(pid: number | undefined): void {
  if (!pid) return
  const deadline = Date.now() + 1000
  while (Date.now() < deadline) {
    let state: string
    try {
      state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)\s*/, '')[0] ?? 'Z'
    } catch {
      return
    }
    if (state === 'Z' || state === 'X') return
  }
}

function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    onExit(stopSlidevChildren)
  }
  running.add(child)
  child.once('exit', () => running.delete(child))
}

/**
 * Start Slidev (`args` after the CLI script) in its own process group under the watchdog, so it
 * is killed as a whole on lectern's exit or death. stdout and stderr are pipes.
 */
export function spawnSlidev(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess & { stdout: Readable; stderr: Readable } {
  const child = spawn(process.execPath, ['-e', WATCHDOG, slidevBin(), ...args], { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  track(child)
  return child as ChildProcess & { stdout: Readable; stderr: Readable }
}

/** Stop a Slidev started by `spawnSlidev`: SIGTERM to its group, SIGKILL after 3 s. */
export function stopSlidev(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      killGroup(child, 'SIGKILL')
      return resolve()
    }
    child.once('exit', () => {
      killGroup(child, 'SIGKILL')
      resolve()
    })
    killGroup(child, 'SIGTERM')
    setTimeout(() => killGroup(child, 'SIGKILL'), 3000).unref()
  })
}

/**
 * Build a deck into a static SPA with `slidev build` (hash routing, relative base, so it can be
 * hosted at any path). Slidev runs in its own process group, killed as a whole when `signal`
 * aborts or lectern exits; its output is shown (one or two lines) only when the build fails.
 */
export async function buildSpa(deckDir: string, outDir: string, options: { fast?: boolean; signal?: AbortSignal } = {}): Promise<void> {
  const entry = path.join(deckDir, 'slides.md')
  const args = ['build', entry, '--out', outDir, '--base', './', '--router-mode', 'hash']
  const output: string[] = []
  if (options.signal?.aborted) throw new LecternError(`${displayPath(entry)}: the build was stopped`)
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawnSlidev(args, {
      cwd: deckDir,
      // LECTERN_FAST: the SPA is only printed, never hosted, so the theme skips minifying it.
      env: { ...process.env, NODE_NO_WARNINGS: '1', CI: process.env.CI ?? '1', ...(options.fast ? { LECTERN_FAST: '1' } : {}) },
    })
    const abort = (): void => killGroup(child, 'SIGKILL')
    options.signal?.addEventListener('abort', abort, { once: true })
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()))
    child.on('error', reject)
    child.on('close', (status) => {
      options.signal?.removeEventListener('abort', abort)
      // Helpers Slidev started (esbuild, workers) die with it.
      killGroup(child, 'SIGKILL')
      resolve(status ?? 1)
    })
  })
  if (options.signal?.aborted) throw new LecternError(`${displayPath(entry)}: the build was stopped`)
  if (code !== 0) {
    if (process.env.LECTERN_DEBUG) process.stderr.write(output.join(''))
    throw new LecternError(`${displayPath(entry)}: slidev build failed: ${slidevReason(output.join(''))}`)
  }
}

/**
 * The one or two lines that say why a Slidev build failed, from its output: the first error
 * message, without ANSI colours, stack frames, code frames or `errors: [Getter/Setter]`.
 */
export function slidevReason(output: string): string {
  const lines = output
    .replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  dropTimingNotes(lines)
  const noise = (line: string): boolean =>
    /^at\s|^\}|^\{|^errors:|\[Getter\/Setter\]|^[│╭╰─┬╯|^]|^\d+\s*[│|]|^\(Use `node --trace|^Node\.js v\d|^node:internal/.test(line) ||
    /^(vite|slidev|rolldown)\s+v?\d|^(transforming|rendering chunks|computing gzip|building|✓)/i.test(line) ||
    /^(✗\s*)?Build failed (in|with)\b/i.test(line)
  const useful = lines.filter((line) => !noise(line))
  const picks = [
    (line: string) => /^\[[A-Z][A-Z_]+\]\s/.test(line) && !/warning/i.test(line),
    (line: string) => /^(\w*Error|\[[\w:-]+\]\s*\w*Error):/.test(line),
    (line: string) => /error|failed|cannot|could not|EACCES|ENOSPC|EROFS|EPERM|ENOENT|not found|invalid/i.test(line),
  ]
  let picked: string[] = []
  for (const pick of picks) {
    const index = useful.findIndex(pick)
    if (index >= 0) {
      picked = [useful[index]]
      break
    }
  }
  if (!picked.length) picked = useful.slice(-2)
  const text = picked
    .map((line) => line.replace(/^\[[A-Z][A-Z_]+\]\s*/, '').replace(/^(\[[^\]]*\]\s*)?(\w*Error:\s*)+/, ''))
    .filter(Boolean)
    .join('; ')
    .slice(0, 400)
  return text || 'Slidev gave no message (set LECTERN_DEBUG=1 to see its output)'
}

/**
 * Remove the bundler's timing notes (rolldown's `[PLUGIN_TIMINGS]` block: "JavaScript callbacks
 * ran for 3.3s…", the slowest plugins, a link) from `lines`: they say why a build was slow, not
 * why it failed.
 */
function dropTimingNotes(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (!/^\[PLUGIN_TIMINGS\]|callbacks ran for [\d.]+\s*m?s of this/i.test(lines[i])) continue
    let end = i + 1
    while (end < lines.length && end - i < 40 && !/^See https?:\/\/\S*rolldown/i.test(lines[end - 1]) && !/^(✗\s*)?Build failed|^\w*Error\b/i.test(lines[end])) end++
    lines.splice(i, end - i)
    i--
  }
}
