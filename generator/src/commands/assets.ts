import { promises as fs, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { sha256 } from './manifest.js'
import { writeFileAtomic } from '../fsutil.js'
import type { AssetResolution } from '../types.js'

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'])

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

/**
 * Copy the images a deck uses into it. Returns the hashes of what was written (deck path → hash)
 * and of what was read (path relative to the note's folder → hash), for the manifest.
 */
export async function copyImages(
  copies: Map<string, string>,
  deckDir: string,
  noteDir: string,
): Promise<{ outputs: Record<string, string>; images: Record<string, string> }> {
  const outputs: Record<string, string> = {}
  const images: Record<string, string> = {}
  for (const [target, source] of copies) {
    const data = await fs.readFile(source)
    await writeFileAtomic(path.join(deckDir, target), data)
    outputs[target] = sha256(data)
    images[path.relative(noteDir, source).split(path.sep).join('/')] = sha256(data)
  }
  return { outputs, images }
}
