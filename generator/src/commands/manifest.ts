import { promises as fs, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { packageRoot, themeDir } from '../paths.js'
import { writeFileAtomic } from '../fsutil.js'

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

export async function readManifest(deckDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(deckDir, MANIFEST), 'utf8')) as Manifest
  } catch {
    return undefined
  }
}

export async function writeManifest(deckDir: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(path.join(deckDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
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
    const bytes = await fs.readFile(path.join(noteDir, image)).catch(() => undefined)
    if (!bytes || sha256(bytes) !== hash) return 'stale'
  }
  for (const [output, hash] of Object.entries(manifest.outputs)) {
    const bytes = await fs.readFile(path.join(deckDir, output)).catch(() => undefined)
    if (!bytes) return 'missing'
    if (sha256(bytes) !== hash) return 'stale'
  }
  return 'unchanged'
}
