import { promises as fs } from 'node:fs'
import path from 'node:path'
import { sha256 } from './manifest.js'
import { writeFileAtomic } from '../fsutil.js'
import { sanitizeSvg } from './svg.js'

/** Limits on fetching a remote image at build time. */
export interface FetchLimits {
  /** Whole request, redirects included. */
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024, maxRedirects: 5 }

/** A fetched image (its bytes as the deck will hold them) or why there is none. */
export type RemoteImage = { ok: true; bytes: Uint8Array; ext: string } | { ok: false; reason: string }

/** The cache of fetched images shared by builds: `<dir>/<sha256>.<ext>` and an index by URL. */
export interface RemoteCache {
  dir: string
}

/** The image type of some bytes, from their first bytes (never from the server's word), or undefined. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 64))
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return '.png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return '.jpg'
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return '.gif'
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return '.webp'
  if (head.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(head.subarray(8, 12).toString('latin1'))) return '.avif'
  const text = Buffer.from(bytes.subarray(0, 2048)).toString('utf8')
  if (/^\uFEFF?\s*(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE svg[^>]*>\s*)*<svg[\s>]/i.test(text)) return '.svg'
  return undefined
}

interface CacheIndex {
  [url: string]: string
}

async function readIndex(cache: RemoteCache): Promise<CacheIndex> {
  try {
    return JSON.parse(await fs.readFile(path.join(cache.dir, 'index.json'), 'utf8')) as CacheIndex
  } catch {
    return {}
  }
}

/**
 * Fetch remote images for a deck, through the shared cache: a URL fetched once is read from the
 * cache ever after (no network). With `offline`, only the cache is used.
 * Note: each image is sniffed (images only), SVGs are sanitized, and the bytes are stored under
 * their content hash, so the same image gives the same file in every build.
 */
export async function fetchRemoteImages(
  urls: string[],
  cache: RemoteCache,
  options: { offline: boolean; limits?: FetchLimits },
): Promise<Map<string, RemoteImage>> {
  const out = new Map<string, RemoteImage>()
  if (!urls.length) return out
  const index = await readIndex(cache)
  let changed = false
  for (const url of urls) {
    const cached = index[url]
    if (cached) {
      const bytes = await fs.readFile(path.join(cache.dir, cached)).catch(() => undefined)
      if (bytes && sha256(bytes) === cached.replace(/\.[^.]+$/, '')) {
        out.set(url, { ok: true, bytes, ext: path.extname(cached) })
        continue
      }
    }
    if (options.offline) {
      out.set(url, { ok: false, reason: 'offline: remote images are not fetched (the image is not in the cache)' })
      continue
    }
    const result = await fetchImage(url, options.limits ?? DEFAULT_FETCH_LIMITS)
    out.set(url, result)
    if (result.ok) {
      const name = `${sha256(result.bytes)}${result.ext}`
      await writeFileAtomic(path.join(cache.dir, name), result.bytes)
      index[url] = name
      changed = true
    }
  }
  if (changed) {
    const sorted = Object.fromEntries(Object.entries(index).sort(([a], [b]) => (a < b ? -1 : 1)))
    await writeFileAtomic(path.join(cache.dir, 'index.json'), `${JSON.stringify(sorted, null, 2)}\n`)
  }
  return out
}

/** Fetch one image under the limits; never throws. */
export async function fetchImage(url: string, limits: FetchLimits): Promise<RemoteImage> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  let current = url
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(current, { redirect: 'manual', signal, headers: { accept: 'image/*' } })
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel()
        const location = response.headers.get('location')
        if (!location) return { ok: false, reason: `the server answered ${response.status} without a location` }
        if (hop >= limits.maxRedirects) return { ok: false, reason: `more than ${limits.maxRedirects} redirects` }
        const next = new URL(location, current)
        if (next.protocol !== 'http:' && next.protocol !== 'https:') return { ok: false, reason: `a redirect to ${next.protocol} is not followed` }
        current = next.href
        continue
      }
      if (!response.ok) {
        await response.body?.cancel()
        return { ok: false, reason: `the server answered ${response.status}` }
      }
      const declared = Number(response.headers.get('content-length') ?? 0)
      if (declared > limits.maxBytes) {
        await response.body?.cancel()
        return { ok: false, reason: `larger than ${Math.round(limits.maxBytes / 1048576)} MB` }
      }
      const bytes = await readCapped(response, limits.maxBytes)
      if (!bytes) return { ok: false, reason: `larger than ${Math.round(limits.maxBytes / 1048576)} MB` }
      const ext = sniffImage(bytes)
      if (!ext) return { ok: false, reason: `not an image (the server said ${response.headers.get('content-type') ?? 'nothing'})` }
      if (ext !== '.svg') return { ok: true, bytes, ext }
      const clean = sanitizeSvg(bytes)
      return clean ? { ok: true, bytes: clean, ext } : { ok: false, reason: 'the SVG could not be read' }
    }
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: `no answer within ${limits.timeoutMs / 1000} s` }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return { ok: false, reason: `cannot fetch it (${cause?.code ?? cause?.message ?? (error as Error).message})` }
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}
