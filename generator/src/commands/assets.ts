import { existsSync, promises as fs, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { readManifest, sha256 } from './manifest.js'
import { readRegularFile, writeInside } from '../fsutil.js'
import type { AssetResolution } from '../types.js'
import { fetchRemoteImages, type FetchLimits, type RemoteImage } from './remote.js'
import { sanitizeSvg } from './svg.js'

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'])

/** One file a deck gets: copied from the note's side (`from`), or bytes already made (`bytes`). */
export interface AssetCopy {
  /** The file read (after symlinks), for the manifest. */
  from: string
  /** What to write instead of the file's bytes (a sanitized SVG, a fetched image). */
  bytes?: Uint8Array
  /** The remote address the bytes came from. */
  url?: string
}

/** Where else images may come from, besides the note's folder. */
export interface ImageContext {
  /** The Obsidian vault the note is in (nearest parent with `.obsidian/`), else the note's folder. */
  vaultRoot?: string
  /** Remote images fetched for this build (see remote.ts); without it, remote images are not shown. */
  remote?: Map<string, RemoteImage>
}

/**
 * Decide how an image URL in a note resolves. A relative path is looked up as Obsidian does:
 * in the note's folder, then from the vault's root, then by file name anywhere in the vault (the
 * note's folder when there is no vault).
 * Only files inside the vault (the note's folder when there is no `.obsidian/`), after following
 * symlinks, are used. SVGs are sanitized; remote images come from `context.remote`.
 */
export function resolveImage(url: string, noteDir: string, copies: Map<string, AssetCopy>, context: ImageContext = {}): AssetResolution {
  if (/^(?:https?:)?\/\//i.test(url)) return remoteImage(url, copies, context)
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
  const realRoot = realpathSync(context.vaultRoot ?? noteDir)
  const real = findImage(relative, noteDir, realRoot)
  if (!real) return { status: 'missing', reason: 'the file does not exist' }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return { status: 'outside', reason: context.vaultRoot ? 'the file is outside the vault' : "the file is outside the note's folder" }
  }
  if (!statSync(real).isFile()) return { status: 'missing', reason: 'the path is not a file' }
  const ext = path.extname(real).toLowerCase()
  if (!IMAGE_EXTENSIONS.has(ext)) return { status: 'unsupported', reason: `"${ext || 'no extension'}" is not an image type lectern shows` }
  let bytes: Uint8Array | undefined
  if (ext === '.svg') {
    bytes = sanitizeSvg(readFileSync(real))
    if (!bytes) return { status: 'unsupported', reason: 'the file is not a readable SVG image' }
  }
  const rel = path.relative(realRoot, real).split(path.sep).join('/')
  const hash = createHash('sha256').update(rel).digest('hex').slice(0, 8)
  const base = path.basename(rel, ext).replace(/[^\w.-]+/g, '-').slice(0, 60) || 'image'
  const target = `assets/${base}-${hash}${ext}`
  copies.set(target, { from: real, bytes })
  return { status: 'ok', deckPath: `./${target}` }
}

/** A relative image path: beside the note, from the vault root, then by name in the vault. */
function findImage(relative: string, noteDir: string, vaultRoot: string): string | undefined {
  const candidates = [path.resolve(noteDir, relative), path.resolve(vaultRoot, relative)]
  for (const candidate of candidates) {
    try {
      return realpathSync(candidate)
    } catch {
      // try the next place
    }
  }
  return findByName(vaultRoot, path.basename(relative))
}

/** Most folder entries searched for an image by name (a vault can be large). */
const SEARCH_LIMIT = 20_000

/** The shallowest file called `name` under `root` (sorted, hidden folders skipped), or undefined. */
function findByName(root: string, name: string): string | undefined {
  let level = [root]
  let seen = 0
  while (level.length && seen < SEARCH_LIMIT) {
    const next: string[] = []
    for (const dir of level) {
      let entries: Dirent[]
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
      } catch {
        continue
      }
      seen += entries.length
      const hit = entries.find((entry) => entry.isFile() && entry.name === name)
      if (hit) return realpathSync(path.join(dir, hit.name))
      for (const entry of entries) if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') next.push(path.join(dir, entry.name))
    }
    level = next
  }
  return undefined
}

/** The vault a note is in: the nearest folder at or above it with `.obsidian/`, else undefined. */
export function findVaultRoot(noteDir: string): string | undefined {
  let dir = path.resolve(noteDir)
  for (;;) {
    if (existsSync(path.join(dir, '.obsidian'))) return dir
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function remoteImage(url: string, copies: Map<string, AssetCopy>, context: ImageContext): AssetResolution {
  const fetched = context.remote?.get(url)
  if (!fetched) return { status: 'remote', reason: 'remote images are not fetched here' }
  if (!fetched.ok) return { status: 'remote', reason: fetched.reason }
  // Named by content: the same image gives the same file in every build.
  const target = `assets/remote-${sha256(fetched.bytes).slice(0, 16)}${fetched.ext}`
  copies.set(target, { from: '', bytes: fetched.bytes, url })
  return { status: 'ok', deckPath: `./${target}` }
}

/**
 * Write the images a deck uses into it (through real folders only, see `writeInside`). Every
 * file's bytes are read and passed to `check` before the first write, so a refusal writes nothing.
 * Returns the hashes of what was written (deck path →
 * hash), of the local files read (path relative to the note's folder → hash) and of the remote
 * images (URL → hash), for the manifest.
 */
export async function copyImages(
  copies: Map<string, AssetCopy>,
  deckDir: string,
  noteDir: string,
  check: (target: string, data: Uint8Array) => Promise<void> = async () => undefined,
): Promise<{ outputs: Record<string, string>; images: Record<string, string>; remote: Record<string, string> }> {
  const outputs: Record<string, string> = {}
  const images: Record<string, string> = {}
  const remote: Record<string, string> = {}
  const files: Array<{ target: string; copy: AssetCopy; source?: Uint8Array; data: Uint8Array }> = []
  for (const [target, copy] of copies) {
    const source = copy.url ? undefined : await fs.readFile(copy.from)
    const data = copy.bytes ?? source!
    await check(target, data)
    files.push({ target, copy, source, data })
  }
  for (const { target, copy, source, data } of files) {
    await writeInside(deckDir, target, data)
    outputs[target] = sha256(data)
    if (copy.url) remote[copy.url] = sha256(data)
    else images[path.relative(noteDir, copy.from).split(path.sep).join('/')] = sha256(source!)
  }
  return { outputs, images, remote }
}

/** Text that may hold a remote image: `![…](http…`, `![…](//…` or a `[ref]: http…` definition. */
const REMOTE_IMAGE_HINT = /!\[[^\n]*?\]\(\s*<?(?:https?:)?\/\/|^[ \t]*\[[^\]\n]+\]:[ \t]*<?(?:https?:)?\/\//im

/** Where a build keeps fetched images, shared by every deck of an output folder. */
export const CACHE_DIR = '.lectern-cache'

/**
 * Everything image resolution needs besides the note's folder: the vault, and the note's remote
 * images, fetched (or read from the cache, or from the deck's last build) before generation.
 * `complete` is false when a remote image could not be had, so that the next build tries again.
 */
export async function imageContext(
  text: string,
  noteDir: string,
  deckDir: string,
  options: { offline: boolean; limits?: FetchLimits },
): Promise<ImageContext & { complete: boolean }> {
  const vaultRoot = findVaultRoot(noteDir)
  // Parsing the note twice is paid only by notes with a remote image (inline or by reference).
  if (!REMOTE_IMAGE_HINT.test(text)) return { vaultRoot, complete: true }
  const [{ parseNote }, { imagesIn }, { VFile }] = await Promise.all([import('../parse.js'), import('../pipeline.js'), import('vfile')])
  const urls = imagesIn(parseNote(new VFile({ value: text })).tree).filter((url) => /^(?:https?:)?\/\//i.test(url))
  if (!urls.length) return { vaultRoot, complete: true }
  const known = await lastBuildImages(deckDir)
  const wanted = urls.filter((url) => !known.has(url))
  const fetched = await fetchRemoteImages(
    wanted.map((url) => (url.startsWith('//') ? `https:${url}` : url)),
    { dir: path.join(path.dirname(deckDir), CACHE_DIR) },
    options,
  )
  const remote = new Map(known)
  for (const url of wanted) remote.set(url, fetched.get(url.startsWith('//') ? `https:${url}` : url)!)
  return { vaultRoot, remote, complete: [...remote.values()].every((image) => image.ok) }
}

/** Remote images the deck's last build holds (by the manifest), checked against their hashes. */
async function lastBuildImages(deckDir: string): Promise<Map<string, RemoteImage>> {
  const out = new Map<string, RemoteImage>()
  const manifest = await readManifest(deckDir)
  for (const [url, hash] of Object.entries(manifest?.remote ?? {})) {
    const target = Object.keys(manifest?.outputs ?? {}).find((name) => name.startsWith(`assets/remote-${hash.slice(0, 16)}`))
    if (!target) continue
    const bytes = await readRegularFile(path.join(deckDir, target), { followSymlinks: false }).catch(() => undefined)
    if (bytes && sha256(bytes) === hash) out.set(url, { ok: true, bytes, ext: path.extname(target) })
  }
  return out
}

/** `--offline` or LECTERN_OFFLINE=1 (any value but 0 or empty): never touch the network. */
export function isOffline(flag: boolean | undefined): boolean {
  const env = process.env.LECTERN_OFFLINE
  return Boolean(flag) || (env !== undefined && env !== '' && env !== '0')
}
