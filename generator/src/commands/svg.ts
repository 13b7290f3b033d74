import { createRequire } from 'node:module'
import type { DOMPurify } from 'dompurify'

let purifier: DOMPurify | undefined

/** DOMPurify on a jsdom window, made once and only when an SVG is seen (loading jsdom costs 0.2 to 0.9 s). */
function svgPurifier(): DOMPurify {
  if (purifier) return purifier
  const require = createRequire(import.meta.url)
  const { JSDOM } = require('jsdom') as typeof import('jsdom')
  const createDOMPurify = require('dompurify') as typeof import('dompurify').default
  const { window } = new JSDOM('')
  purifier = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0])
  // No external references: links and uses may only point inside the file (`#id`).
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    const name = data.attrName.toLowerCase()
    const value = data.attrValue.trim()
    if ((name === 'href' || name === 'xlink:href' || name === 'src') && !value.startsWith('#')) data.keepAttr = false
    if (/url\s*\(\s*['"]?\s*(?!#)/i.test(value) || /@import/i.test(value)) data.keepAttr = false
  })
  purifier.addHook('uponSanitizeElement', (node) => {
    // <style> may import or point at outside files; its rules are rare in figures and dropped.
    if (node.nodeName?.toLowerCase() === 'style' && /@import|url\s*\(\s*['"]?\s*(?!#)/i.test(node.textContent ?? '')) node.textContent = ''
  })
  return purifier
}

/**
 * Sanitize an SVG image: no scripts, no event handlers, no `foreignObject`, no references to
 * other files or sites (only `#id` inside the file). Returns undefined when the bytes are not
 * an SVG document. Note: DOMPurify with its SVG profile does the cleaning; we only add the
 * external-reference rule.
 */
export function sanitizeSvg(bytes: Uint8Array): Uint8Array | undefined {
  // The XML prolog (declaration, doctype, comments) goes: DOMPurify reads the <svg> element itself.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF?\s*(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*)*/i, '')
  if (!/^<svg[\s>]/i.test(text)) return undefined
  const clean = svgPurifier().sanitize(text, {
    USE_PROFILES: { svg: true, svgFilters: true },
    FORBID_TAGS: ['foreignObject', 'script', 'a'],
    NAMESPACE: 'http://www.w3.org/2000/svg',
    WHOLE_DOCUMENT: false,
  })
  if (!/^\s*<svg[\s>]/i.test(clean)) return undefined
  const withNamespace = /^\s*<svg[^>]*\sxmlns=/i.test(clean) ? clean : clean.replace(/^\s*<svg/i, '<svg xmlns="http://www.w3.org/2000/svg"')
  return new TextEncoder().encode(`${withNamespace.trim()}\n`)
}
