import { promises as fs, realpathSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { freshness, removeStaleOutputs, sha256, toolFingerprint, writeManifest, type Freshness, type Manifest } from './manifest.js'
import { claimDeckFolder } from './deckfolder.js'
import { resolveNoteTheme, themePlace } from './theme.js'
import { VFile } from 'vfile'
import { decodeNote } from '../decode.js'
import { LecternError } from '../errors.js'
import type { HelperUse } from '../helper-thread.js'
import { displayPath, relativePosix, themeDir } from '../paths.js'
import { NotRegularFileError, readRegularFile, writeInside } from '../fsutil.js'
import { formatMessages } from '../report.js'
import { copyImages, imageContext, isOffline, resolveImage, type AssetCopy } from './assets.js'

export interface BuildOptions {
  notes: string[]
  out: string
  /** Rebuild every deck, even those whose inputs did not change, and overwrite hand edits. */
  force?: boolean
  /** Rebuild every deck, even those whose inputs did not change, but keep hand edits (watch). */
  rebuild?: boolean
  /** Write nothing: report which decks are stale or missing. */
  check?: boolean
  /** Fit every talk into this many minutes (the rest goes to a Backup part). */
  minutes?: number
  /** Never touch the network (remote images come from the cache or are left out). */
  offline?: boolean
  /** Where messages and progress lines go. */
  log?: (line: string) => void
  warn?: (line: string) => void
  /** Folders a note's `theme:` may name besides themes/, the note's folder and installed themes. */
  allowThemeDirs?: string[]
}

export interface BuildResult {
  note: string
  deckDir: string
  status: 'built' | Freshness
  slides: number
  warnings: number
  /** The note's warnings, as `file:line:column: warning: reason` lines and as data. */
  messages?: Array<{ file: string; line: number; column: number; severity: 'warning' | 'error'; rule?: string; reason: string }>
  error?: string
}

/**
 * Build a Slidev deck for each note. A note that fails does not stop the others: every failure
 * is reported, and the caller exits 1 if any failed.
 */
export async function buildNotes(options: BuildOptions): Promise<BuildResult[]> {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`))
  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`))
  const slugs = new Map<string, string>()
  const results: BuildResult[] = []
  const seen = new Set<string>()
  for (const note of options.notes) {
    // The same note named twice (`notes/a.md ./notes/a.md`) is built once.
    if (seen.has(path.resolve(note))) continue
    seen.add(path.resolve(note))
    const slug = slugOf(note)
    const deckDir = path.resolve(options.out, slug)
    const shown = displayPath(note)
    const clash = slugs.get(slug)
    if (clash) {
      const error = `${shown}: its deck name "${slug}" is already used by ${clash}; rename one of the notes`
      results.push({ note, deckDir, status: 'missing', slides: 0, warnings: 0, error })
      warn(error)
      continue
    }
    slugs.set(slug, shown)
    const deckShown = displayPath(path.join(deckDir, 'slides.md'))
    try {
      const bytes = await readNote(note)
      const previous = await claimDeckFolder(deckDir, note, options.force)
      const inputs = inputsHash(bytes, deckDir, note) + (options.minutes ? `+${options.minutes}min` : '')
      const state = options.force || options.rebuild ? 'stale' : await freshness(deckDir, path.dirname(path.resolve(note)), inputs)
      if (options.check) {
        log(`${deckShown}  ${state === 'unchanged' ? 'up to date' : state === 'missing' ? 'missing' : 'stale'}  (${shown})`)
        results.push({ note, deckDir, status: state, slides: 0, warnings: 0 })
        continue
      }
      if (state === 'unchanged') {
        log(`${deckShown}  unchanged`)
        results.push({ note, deckDir, status: 'unchanged', slides: 0, warnings: 0 })
        continue
      }
      const result = await buildOne(note, bytes, deckDir, inputs, previous, options.allowThemeDirs ?? [], options.minutes, isOffline(options.offline), Boolean(options.force))
      for (const line of formatMessages(result.file)) warn(line)
      log(`${deckShown}  ${result.slides} slides  from ${shown}`)
      results.push({
        note,
        deckDir,
        status: 'built',
        slides: result.slides,
        warnings: result.file.messages.length,
        messages: result.file.messages.map((m) => ({
          file: shown,
          line: m.line ?? 1,
          column: m.column ?? 1,
          severity: m.fatal ? 'error' : 'warning',
          rule: m.ruleId ?? undefined,
          reason: m.reason,
        })),
      })
    } catch (error) {
      const message = error instanceof LecternError ? error.message : `${shown}: ${describe(error)}`
      warn(message)
      results.push({ note, deckDir, status: 'stale', slides: 0, warnings: 0, error: message })
    }
  }
  return results
}

async function readNote(note: string): Promise<Uint8Array> {
  try {
    return await readRegularFile(note)
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new LecternError(`${displayPath(note)}: is ${error.kind}, not a regular file; lectern reads notes only from regular files`)
    throw new LecternError(`${displayPath(note)}: cannot read the note (${codeOf(error)}); check the path`)
  }
}

/** The hash of everything a deck depends on besides the tool: the note's bytes and where it goes. */
function inputsHash(bytes: Uint8Array, deckDir: string, note: string): string {
  return sha256(`${relativePosix(deckDir, path.resolve(note))}\n${displayPath(note)}\n`) + sha256(bytes)
}

/**
 * Generate a deck and write it: new assets first, then slides.md (atomically), then the
 * manifest, then stale assets are removed. A failure before slides.md is written leaves the
 * last good deck in place.
 */
async function buildOne(
  note: string,
  bytes: Uint8Array,
  deckDir: string,
  inputs: string,
  previous: Manifest | undefined,
  allowThemeDirs: string[],
  minutes: number | undefined,
  offline: boolean,
  force: boolean,
): Promise<{ slides: number; file: VFile }> {
  const shown = displayPath(note)
  const { generateDeck } = await import('../pipeline.js')
  const decoded = decodeNote(bytes, shown)
  const file = new VFile({ path: shown, value: decoded.text })
  if (decoded.encoding !== 'UTF-8') {
    file.message(`the note is not UTF-8; it was read as ${decoded.encoding} (save it as UTF-8 to be sure)`, {
      place: { line: 1, column: 1 },
      ruleId: 'encoding',
      source: 'lectern',
    })
  }
  for (const line of decoded.repairedLines) {
    file.message('repaired double-encoded UTF-8 (mojibake such as `â€™`); fix the note to silence this', {
      place: { line, column: 1 },
      ruleId: 'mojibake',
      source: 'lectern',
    })
  }
  const noteDir = realpathSync(path.dirname(path.resolve(note)))
  const copies = new Map<string, AssetCopy>()
  const imageSources = await imageContext(decoded.text, noteDir, deckDir, { offline })
  const deck = generateDeck(file, {
    theme: relativePosix(deckDir, themeDir),
    notePath: shown,
    noteFromDeck: relativePosix(deckDir, path.resolve(note)),
    resolveImage: (url) => resolveImage(url, noteDir, copies, imageSources),
    // `theme: ./my-theme` is a folder inside the note's folder; `theme: seriph` an installed theme.
    resolveTheme: (value) => {
      const resolved = resolveNoteTheme(value, { noteDir, deckDir, projectDir: process.cwd(), allowDirs: allowThemeDirs })
      const place = themePlace(decoded.text)
      if ('theme' in resolved) {
        if (resolved.code) {
          file.message(`theme "${value}" holds code (${resolved.code}) that runs in Node when the deck is exported; export this deck only if you trust the note's folder`, {
            place,
            ruleId: 'theme-code',
            source: 'lectern',
          })
        }
        return resolved.theme
      }
      throw new LecternError(`${shown}:${place.line}:${place.column}: ${resolved.error}`)
    },
    ...(minutes ? { plan: { minutes } } : {}),
    helperThread: helperUse(),
  })
  const keepEdits = (target: string, data: string | Uint8Array) => (force ? Promise.resolve() : refuseEdited(deckDir, target, data, previous))
  await keepEdits('slides.md', deck.markdown)
  const { outputs, images, remote } = await copyImages(copies, deckDir, noteDir, keepEdits)
  await writeInside(deckDir, 'slides.md', deck.markdown)
  outputs['slides.md'] = sha256(deck.markdown)
  // A deck that lacks a remote image is never "unchanged": the next build tries to fetch it again.
  await writeManifest(deckDir, {
    tool: toolFingerprint(),
    inputs: imageSources.complete ? inputs : `${inputs}+incomplete`,
    images,
    outputs: sortKeys(outputs),
    ...(Object.keys(remote).length ? { remote: sortKeys(remote) } : {}),
    note: relativePosix(deckDir, path.resolve(note)),
    noteHash: sha256(bytes),
  })
  // Images no longer used by the note leave the deck too: only files an earlier build wrote.
  await removeStaleOutputs(deckDir, previous, outputs)
  return { slides: deck.slides.length, file }
}

/**
 * Refuse to overwrite a deck file that is not what lectern last wrote there (by the manifest's
 * hash): a hand edit, or a file lectern never wrote. The same bytes are never a conflict.
 */
async function refuseEdited(deckDir: string, target: string, data: string | Uint8Array, previous: Manifest | undefined): Promise<void> {
  const file = path.join(deckDir, target)
  const bytes = await readRegularFile(file, { followSymlinks: false }).catch(() => undefined)
  if (!bytes) return
  const hash = sha256(bytes)
  if (hash === previous?.outputs[target] || hash === sha256(data)) return
  const what = previous && target in previous.outputs ? 'was edited since lectern wrote it' : 'is not a file lectern wrote'
  throw new LecternError(`${displayPath(file)}: ${what}; lectern keeps it (pass --force to overwrite it)`)
}

/** A deck's folder name: the note's file name without extension, made safe for paths and URLs. */
export function slugOf(note: string): string {
  const stem = path.basename(note).replace(/\.[^.]+$/, '')
  const slug = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'note'
  // Export names add up to 12 characters (`-handout.pdf`) and file names stop at 255 bytes.
  if (Buffer.byteLength(slug) <= MAX_SLUG_BYTES) return slug
  let short = ''
  for (const char of slug) {
    if (Buffer.byteLength(short + char) > MAX_SLUG_BYTES - 9) break
    short += char
  }
  return `${short.replace(/[-.]+$/, '')}-${sha256(stem).slice(0, 8)}`
}

const MAX_SLUG_BYTES = 200

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? describe(error)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * LECTERN_HELPER_THREAD=always | never | idle-core (the default): when a long note's build gets a
 * helper thread (helper-thread.ts; the deck is the same either way). For measuring and for
 * machines whose load average misleads.
 */
function helperUse(): HelperUse | undefined {
  const env = process.env.LECTERN_HELPER_THREAD
  if (env === undefined || env === '') return undefined
  if (env === 'always' || env === 'never' || env === 'idle-core') return env
  throw new LecternError(`LECTERN_HELPER_THREAD is "${env}": set it to always, never or idle-core (or unset it)`)
}
