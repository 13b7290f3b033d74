import { promises as fs, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { VFile } from 'vfile'
import { decodeNote } from '../decode.js'
import { generateDeck } from '../pipeline.js'
import { LecternError } from '../errors.js'
import { displayPath, relativePosix, themeDir } from '../paths.js'
import { writeFileAtomic } from '../fsutil.js'
import { formatMessages } from '../report.js'
import type { AssetResolution } from '../types.js'

export interface BuildOptions {
  notes: string[]
  out: string
  /** Where messages and progress lines go. */
  log?: (line: string) => void
  warn?: (line: string) => void
}

export interface BuildResult {
  note: string
  deckDir: string
  slides: number
  warnings: number
  error?: string
}

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'])

/**
 * Build a Slidev deck for each note. A note that fails does not stop the others: every failure
 * is reported, and the caller exits 1 if any failed.
 */
export async function buildNotes(options: BuildOptions): Promise<BuildResult[]> {
  const log = options.log ?? ((line) => process.stdout.write(`${line}\n`))
  const warn = options.warn ?? ((line) => process.stderr.write(`${line}\n`))
  const slugs = new Map<string, string>()
  const results: BuildResult[] = []
  for (const note of options.notes) {
    const slug = slugOf(note)
    const deckDir = path.resolve(options.out, slug)
    const shown = displayPath(note)
    const clash = slugs.get(slug)
    if (clash) {
      const error = `${shown}: its deck name "${slug}" is already used by ${clash}; rename one of the notes`
      results.push({ note, deckDir, slides: 0, warnings: 0, error })
      warn(error)
      continue
    }
    slugs.set(slug, shown)
    try {
      const result = await buildOne(note, deckDir)
      for (const line of formatMessages(result.file)) warn(line)
      log(`${displayPath(path.join(deckDir, 'slides.md'))}  ${result.slides} slides  from ${shown}`)
      results.push({ note, deckDir, slides: result.slides, warnings: result.file.messages.length })
    } catch (error) {
      const message = error instanceof LecternError ? error.message : `${shown}: ${describe(error)}`
      warn(message)
      results.push({ note, deckDir, slides: 0, warnings: 0, error: message })
    }
  }
  return results
}

async function buildOne(note: string, deckDir: string): Promise<{ slides: number; file: VFile }> {
  const shown = displayPath(note)
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(note)
  } catch (error) {
    throw new LecternError(`${shown}: cannot read the note (${codeOf(error)}); check the path`)
  }
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
  const noteDir = path.dirname(path.resolve(note))
  const copies = new Map<string, string>()
  const deck = generateDeck(file, {
    theme: relativePosix(deckDir, themeDir),
    notePath: shown,
    noteFromDeck: relativePosix(deckDir, path.resolve(note)),
    resolveImage: (url) => resolveImage(url, noteDir, copies),
  })
  // Replace the deck's assets wholesale so images removed from the note leave the deck too.
  const assetsDir = path.join(deckDir, 'assets')
  await fs.rm(assetsDir, { recursive: true, force: true })
  for (const [target, source] of copies) {
    await writeFileAtomic(path.join(deckDir, target), await fs.readFile(source))
  }
  await writeFileAtomic(path.join(deckDir, 'slides.md'), deck.markdown)
  return { slides: deck.slides.length, file }
}

/**
 * Decide how an image URL in a note resolves. Only files inside the note's folder (after
 * following symlinks) are used; anything else is shown as its alt text and path.
 */
export function resolveImage(url: string, noteDir: string, copies: Map<string, string>): AssetResolution {
  if (/^(?:https?:)?\/\//i.test(url)) {
    return { status: 'remote', reason: 'remote images are not fetched (decks must work without a network)' }
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { status: 'unsupported', reason: 'only image files beside the note can be shown' }
  }
  let relative: string
  try {
    relative = decodeURI(url.replace(/[?#].*$/, ''))
  } catch {
    relative = url
  }
  if (path.isAbsolute(relative)) {
    return { status: 'outside', reason: 'the path is absolute; put the image beside the note and use a relative path' }
  }
  const candidate = path.resolve(noteDir, relative)
  let real: string
  try {
    real = realpathSync(candidate)
  } catch {
    return { status: 'missing', reason: 'the file does not exist' }
  }
  const realRoot = realpathSync(noteDir)
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return { status: 'outside', reason: "the file is outside the note's folder" }
  }
  if (!statSync(real).isFile()) return { status: 'missing', reason: 'the path is not a file' }
  const ext = path.extname(real).toLowerCase()
  if (!IMAGE_EXTENSIONS.has(ext)) return { status: 'unsupported', reason: `"${ext || 'no extension'}" is not an image type lectern shows` }
  const rel = path.relative(realRoot, real).split(path.sep).join('/')
  const hash = createHash('sha256').update(rel).digest('hex').slice(0, 8)
  const base = path.basename(rel, ext).replace(/[^\w.-]+/g, '-').slice(0, 60) || 'image'
  const target = `assets/${base}-${hash}${ext}`
  copies.set(target, real)
  return { status: 'ok', deckPath: `./${target}` }
}

/** A deck's folder name: the note's file name without extension, made safe for paths and URLs. */
export function slugOf(note: string): string {
  const stem = path.basename(note).replace(/\.[^.]+$/, '')
  return stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || 'note'
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? describe(error)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
