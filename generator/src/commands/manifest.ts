import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { packageRoot, themeDir } from '../paths.js'
import { checkRealFolders, readRegularFile, writeInside } from '../fsutil.js'

/**
 * What a deck was built from, kept beside it (`.lectern.json`) so that an unchanged note is not
 * rebuilt and `lectern build --check` can tell a stale deck. Deterministic: hashes and paths
 * relative to the deck, no times.
 */
export interface Manifest {
  /** lectern's version and a hash of its generator code and theme. */
  tool: string
  /** Hash of the note's bytes and the build options. */
  inputs: string
  /** Image files the deck copied, relative to the note's folder → their hash. */
  images: Record<string, string>
  /** Hash of each file lectern wrote in the deck folder (slides.md, assets/…). */
  outputs: Record<string, string>
  /** The note the deck was built from, relative to the deck folder (POSIX slashes). */
  note?: string
  /** The hash of that note's bytes: `check` reads the note only while it still matches. */
  noteHash?: string
  /** Remote images the deck holds: URL → hash of the file written (a rebuild reuses it offline). */
  remote?: Record<string, string>
}

export const MANIFEST = '.lectern.json'

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

let toolHash: string | undefined

/** lectern's version plus the hash of its compiled generator and its theme (computed once). */
export function toolFingerprint(): string {
  if (toolHash) return toolHash
  const hash = createHash('sha256')
  const version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version
  hash.update(version)
  for (const root of [path.join(packageRoot, 'generator', 'dist'), themeDir]) {
    for (const file of listFiles(root)) {
      if (file.endsWith('.d.ts') || file.endsWith('.png')) continue
      hash.update(path.relative(root, file)).update(readFileSync(file))
    }
  }
  toolHash = `${version}+${hash.digest('hex').slice(0, 16)}`
  return toolHash
}

function listFiles(dir: string): string[] {
  const out: string[] = []
  let names: string[]
  try {
    names = readdirSync(dir).sort()
  } catch {
    return out
  }
  for (const name of names) {
    if (name === 'node_modules') continue
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) out.push(...listFiles(full))
    else out.push(full)
  }
  return out
}

/** A deck's manifest, or undefined when there is none (or it is not a regular JSON file). */
export async function readManifest(deckDir: string): Promise<Manifest | undefined> {
  const state = await readManifestState(deckDir)
  return typeof state === 'object' ? state : undefined
}

/** A deck's manifest; 'none' when there is no manifest file, 'unreadable' when it is damaged. */
export async function readManifestState(deckDir: string): Promise<Manifest | 'none' | 'unreadable'> {
  const stat = await fs.lstat(path.join(deckDir, MANIFEST)).catch(() => undefined)
  if (!stat) return 'none'
  return (await parseManifest(deckDir)) ?? 'unreadable'
}

async function parseManifest(deckDir: string): Promise<Manifest | undefined> {
  try {
    const data = JSON.parse((await readRegularFile(path.join(deckDir, MANIFEST), { followSymlinks: false })).toString('utf8')) as Manifest
    if (!data || typeof data !== 'object' || typeof data.outputs !== 'object' || typeof data.images !== 'object') return undefined
    return data
  } catch {
    return undefined
  }
}

/**
 * The path of `entry` (a manifest key) inside `root`, or undefined when the key is absolute or
 * climbs out with `..`: a manifest can never make lectern read or delete a file elsewhere.
 */
export function insidePath(root: string, entry: string): string | undefined {
  if (typeof entry !== 'string' || !entry || path.isAbsolute(entry) || entry.split(/[\\/]/).includes('..')) return undefined
  return path.join(root, entry)
}

/**
 * Remove the files an earlier build wrote (as its manifest records) that this build did not
 * write again. A file is removed only when it is a regular file still holding the bytes lectern
 * wrote; anything else (edited, replaced, a symlink) stays.
 */
export async function removeStaleOutputs(deckDir: string, previous: Manifest | undefined, current: Record<string, string>): Promise<void> {
  if (!previous) return
  for (const [entry, hash] of Object.entries(previous.outputs)) {
    if (entry in current || entry === MANIFEST) continue
    const file = insidePath(deckDir, entry)
    if (!file) continue
    // A folder on the way that is a symlink is refused: the delete could land outside the deck.
    await checkRealFolders(deckDir, file)
    const bytes = await readRegularFile(file, { followSymlinks: false }).catch(() => undefined)
    if (bytes && sha256(bytes) === hash) await fs.rm(file, { force: true })
  }
}

export async function writeManifest(deckDir: string, manifest: Manifest): Promise<void> {
  await writeInside(deckDir, MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`)
}

export type Freshness = 'unchanged' | 'stale' | 'missing'

/**
 * Is the deck in `deckDir` up to date for these note bytes and options? It is when the tool,
 * the note and the options hash the same, every copied image is unchanged, and every file the
 * deck was written with is still there, unedited.
 */
export async function freshness(deckDir: string, noteDir: string, inputs: string): Promise<Freshness> {
  const manifest = await readManifest(deckDir)
  if (!manifest) return 'missing'
  if (manifest.tool !== toolFingerprint() || manifest.inputs !== inputs) return 'stale'
  for (const [image, hash] of Object.entries(manifest.images)) {
    const file = insidePath(noteDir, image)
    const bytes = file ? await readRegularFile(file).catch(() => undefined) : undefined
    if (!bytes || sha256(bytes) !== hash) return 'stale'
  }
  for (const [output, hash] of Object.entries(manifest.outputs)) {
    const file = insidePath(deckDir, output)
    const bytes = file ? await readRegularFile(file, { followSymlinks: false }).catch(() => undefined) : undefined
    if (!bytes) return 'missing'
    if (sha256(bytes) !== hash) return 'stale'
  }
  return 'unchanged'
}
