import { createHash } from 'node:crypto'

// What a built deck may load: nothing from the network. Inline styles are Vue's and Mermaid's;
// the one script is allowed by its hash, so an inline event handler never runs.
const policy = (scriptHash: string): string =>
  [
    "default-src 'none'",
    `script-src '${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    'font-src data:',
    'media-src data: blob:',
    "connect-src 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')

/** A `</script>` inside inlined code would end the tag early. */
const scriptText = (code: string): string => code.replace(/<(\/script|!--)/gi, '\\x3C$1')

interface OutputChunk {
  type: 'chunk'
  fileName: string
  code: string
}
interface OutputAsset {
  type: 'asset'
  fileName: string
  source: string | Uint8Array
}

/**
 * Vite plugin: `slidev build` gives one self-contained `index.html` (one inline module script,
 * inline CSS, fonts and images as data URLs) that opens from disk (`file://`, where Chromium
 * refuses to fetch module scripts), with a Content-Security-Policy that lets the page load
 * nothing from anywhere (a diagram label's `<img src=http://…>` included).
 */
export function standalone() {
  return {
    name: 'lectern:standalone',
    apply: 'build' as const,
    enforce: 'post' as const,
    config() {
      return { build: { assetsInlineLimit: Number.MAX_SAFE_INTEGER, cssCodeSplit: false, modulePreload: false } }
    },
    configResolved(config: { build: { rollupOptions: { output?: unknown } } }) {
      const options = config.build.rollupOptions
      const outputs = [options.output ?? (options.output = {})].flat() as Array<Record<string, unknown>>
      for (const output of outputs) {
        // One chunk: dynamic imports (slides, Mermaid, KaTeX) are inlined; Slidev's manualChunks
        // is ignored by Rolldown once codeSplitting is set.
        output.codeSplitting = false
        delete output.manualChunks
      }
    },
    renderChunk(code: string) {
      // With no chunks left, Vite's preload markers have no import to describe: no dependencies.
      return code.includes('__VITE_PRELOAD__') ? { code: code.replaceAll('__VITE_PRELOAD__', 'void 0'), map: null } : null
    },
    generateBundle(_options: unknown, bundle: Record<string, OutputChunk | OutputAsset>) {
      const html = bundle['index.html']
      if (!html || html.type !== 'asset') return
      let text = String(html.source)
      const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
      if (chunks.length !== 1) throw new Error(`lectern: expected one script chunk, got ${chunks.length}`)
      const [chunk] = chunks
      const code = scriptText(inlineAssetUrls(chunk, bundle))
      const hash = `sha256-${createHash('sha256').update(code).digest('base64')}`
      const scriptTag = new RegExp(`<script type="module"[^>]*src="[^"]*${escapeRegExp(chunk.fileName)}"[^>]*></script>`)
      if (!scriptTag.test(text)) throw new Error(`lectern: no script tag for ${chunk.fileName} in index.html`)
      text = text.replace(scriptTag, () => '')
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.css')) continue
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="[^"]*${escapeRegExp(file.fileName)}"[^>]*>`)
        text = text.replace(link, () => `<style>${String(file.source).replace(/<\/style/gi, '<\\/style')}</style>`)
        delete bundle[file.fileName]
      }
      // Slidev's image preloads point at files that are now data URLs.
      text = text.replace(/<link rel="preload" as="image"[^>]*>\n?/g, '')
      // The script goes at the end of <body> (after #app); the policy first in <head>.
      text = text.replace('</body>', () => `<script type="module">${code}</script>\n</body>`)
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hash)}">`
      text = /<meta charset="[^"]*">/i.test(text)
        ? text.replace(/<meta charset="[^"]*">/i, (charset) => `${charset}\n${meta}`)
        : text.replace('<head>', () => `<head>\n${meta}`)
      html.source = text
      delete bundle[chunk.fileName]
    },
  }
}

/**
 * Images that slides import are emitted as files and referenced as `new URL("x.png",
 * import.meta.url)` (Vite does not inline them, whatever `assetsInlineLimit` says): once the
 * chunk is inline, that URL would resolve against the page. They become data URLs instead.
 */
function inlineAssetUrls(chunk: OutputChunk, bundle: Record<string, OutputChunk | OutputAsset>): string {
  const dir = chunk.fileName.includes('/') ? chunk.fileName.slice(0, chunk.fileName.lastIndexOf('/') + 1) : ''
  const inlined = new Set<string>()
  const code = chunk.code.replace(/new URL\((["'`])([^"'`]+)\1,\s*import\.meta\.url\)(\.href)?/g, (whole, _quote: string, name: string, href?: string) => {
    const file = bundle[`${dir}${name}`.replace(/^\.\//, '')]
    if (!file || file.type !== 'asset') return whole
    const url = JSON.stringify(dataUrl(file.fileName, file.source))
    inlined.add(file.fileName)
    return href ? url : `new URL(${url})`
  })
  for (const name of inlined) delete bundle[name]
  return code
}

const MIME: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  avif: 'image/avif', svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon',
  woff2: 'font/woff2', woff: 'font/woff', ttf: 'font/ttf', otf: 'font/otf', mp4: 'video/mp4', webm: 'video/webm',
}

function dataUrl(fileName: string, source: string | Uint8Array): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  return `data:${MIME[ext] ?? 'application/octet-stream'};base64,${Buffer.from(source).toString('base64')}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
