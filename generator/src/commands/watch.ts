import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { promises as fs } from 'node:fs'
import { sha256 } from './manifest.js'
import http from 'node:http'
import net from 'node:net'
import { watch } from 'chokidar'
import { LecternError } from '../errors.js'
import { buildNotes } from './build.js'
import { spawnSlidev, stopSlidev } from '../export/slidev.js'
import { displayPath, themeDir } from '../paths.js'
import { kindOf, readRegularFile } from '../fsutil.js'

export interface WatchOptions {
  notes: string[]
  out: string
  port: number
  allowThemeDirs?: string[]
  log?: (line: string) => void
  warn?: (line: string) => void
}

export interface Watcher {
  /** Every deck's URL, by note. */
  urls: Map<string, string>
  close: () => Promise<void>
}

/** Wait after a save before rebuilding, so an editor's burst of writes makes one rebuild. */
const DEBOUNCE_MS = 40

/**
 * Build the notes, serve each deck with Slidev's dev server (live reload) on successive ports,
 * and rebuild a note's deck on every save (the theme's too). A note that breaks prints its error
 * and its last good deck keeps being served; the next good save recovers.
 */
export async function watchNotes(options: WatchOptions): Promise<Watcher> {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`))
  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`))
  await checkNotes(options.notes)
  const results = await buildNotes({ notes: options.notes, out: options.out, allowThemeDirs: options.allowThemeDirs, log, warn })
  const servers: ChildProcess[] = []
  const stopServers = (): Promise<void> => Promise.all(servers.map(stopSlidev)).then(() => undefined)
  const urls = new Map<string, string>()
  let port = options.port
  for (const result of results) {
    if (result.error && (result.status === 'missing' || !(await hasDeck(result.deckDir)))) continue
    const free = await freePort(port)
    if (free !== port) log(`port ${port} is in use; using ${free}`)
    port = free
    const url = `http://127.0.0.1:${port}/`
    const child = spawnSlidev([path.join(result.deckDir, 'slides.md'), '--port', String(port), '--open', 'false', '--bind', '127.0.0.1'], {
      cwd: result.deckDir,
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    })
    child.stdout.resume()
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString().trim()
      if (/error/i.test(text)) warn(`slidev (${displayPath(result.deckDir)}): ${text.split('\n')[0]}`)
    })
    servers.push(child)
    urls.set(result.note, url)
    port++
  }
  try {
    await Promise.all([...urls.values()].map((url) => waitForHttp(url, 60_000)))
  } catch (error) {
    await stopServers()
    throw new LecternError((error as Error).message)
  }
  for (const [note, url] of urls) log(`serving ${displayPath(note)} at ${url}`)

  const timers = new Map<string, NodeJS.Timeout>()
  const byPath = new Map(options.notes.map((note) => [path.resolve(note), note]))
  // What each note looked like when its deck was last (re)built, to catch saves whose events
  // chokidar drops: it emits at most one change per file every 50 ms.
  const seen = new Map<string, string>()
  const building = new Set<string>()
  const again = new Set<string>()
  const fingerprint = async (note: string): Promise<string> => {
    const bytes = await readRegularFile(note).catch(() => undefined)
    return bytes ? sha256(bytes) : 'unreadable'
  }
  for (const note of options.notes) seen.set(note, await fingerprint(note))
  const rebuild = async (note: string, since: number): Promise<void> => {
    if (building.has(note)) {
      again.add(note)
      return
    }
    building.add(note)
    seen.set(note, await fingerprint(note))
    // `rebuild`, not `force`: a theme change rebuilds every deck, but a deck file edited by hand
    // is kept (the build reports it) rather than overwritten on the next save of the note.
    const [result] = await buildNotes({ notes: [note], out: options.out, rebuild: true, allowThemeDirs: options.allowThemeDirs, log: () => undefined, warn })
    if (result.error) warn(`${displayPath(result.note)}: not rebuilt; still serving the last good deck`)
    else log(`rebuilt ${displayPath(path.join(result.deckDir, 'slides.md'))} in ${Math.round(performance.now() - since)} ms`)
    building.delete(note)
    const verify = async (): Promise<void> => {
      if (again.delete(note) || (await fingerprint(note)) !== seen.get(note)) await rebuild(note, performance.now())
    }
    await verify()
    // A save right after this one may have had its event dropped: look again once the window passed.
    setTimeout(() => void verify(), 80).unref()
  }
  // Watch the notes' folders (not the files): a note deleted and created again, or replaced by an
  // editor's rename, is still seen. Only the theme's own node_modules is ignored.
  const folders = [...new Set([...byPath.keys()].map((file) => path.dirname(file)))]
  const themeModules = path.join(themeDir, 'node_modules')
  const watcher = watch([...folders, themeDir], {
    ignoreInitial: true,
    ignored: (file) => {
      const full = path.resolve(file)
      if (full === themeDir || full.startsWith(themeDir + path.sep)) return full === themeModules || full.startsWith(themeModules + path.sep)
      return !folders.includes(full) && !byPath.has(full)
    },
  })
  watcher.on('all', (event, file) => {
    if (event !== 'change' && event !== 'add') return
    const since = performance.now()
    const full = path.resolve(file)
    const targets = byPath.has(full) ? [byPath.get(full)!] : full.startsWith(themeDir) ? options.notes : []
    for (const note of targets) {
      clearTimeout(timers.get(note))
      timers.set(
        note,
        setTimeout(() => {
          timers.delete(note)
          void rebuild(note, since)
        }, DEBOUNCE_MS),
      )
    }
  })
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  log('watching for changes (Ctrl-C to stop)')

  return {
    urls,
    close: async () => {
      for (const timer of timers.values()) clearTimeout(timer)
      await watcher.close()
      await stopServers()
    },
  }
}

/** Every note must be a regular file before anything starts: name each one that is not. */
async function checkNotes(notes: string[]): Promise<void> {
  const problems: string[] = []
  for (const note of notes) {
    const stat = await fs.stat(note).catch(() => undefined)
    if (!stat) problems.push(`${displayPath(note)}: no such note`)
    else if (!stat.isFile()) problems.push(`${displayPath(note)}: is ${kindOf(stat)}, not a note file`)
  }
  if (problems.length) throw new LecternError(`${problems.join('; ')}; nothing was started`)
}

async function hasDeck(deckDir: string): Promise<boolean> {
  return fs.access(path.join(deckDir, 'slides.md')).then(
    () => true,
    () => false,
  )
}

/** The first port from `start` on that nothing listens on at 127.0.0.1. */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port <= 65535; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer()
      server.once('error', () => resolve(false))
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new LecternError(`no free port from ${start} on`)
}

function waitForHttp(url: string, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      const request = http.get(url, (response) => {
        response.resume()
        resolve()
      })
      request.on('error', () => {
        if (Date.now() > deadline) reject(new Error(`the deck server at ${url} did not start`))
        else setTimeout(attempt, 200)
      })
    }
    attempt()
  })
}
