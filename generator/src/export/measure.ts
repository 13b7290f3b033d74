import type { Browser } from 'playwright-chromium'
import { CANVAS } from './pdf.js'

/** What a viewer sees of one slide, measured in Chromium on the 980×552 canvas. */
export interface SlideMeasure {
  number: number
  /** How far text or content reaches beyond the canvas or a clipping box, in px (0 = fits). */
  overflowPx: number
  /** The smallest effective font size of any visible text, in px on the canvas. */
  minFontPx: number
  /** Words of visible text (whitespace-separated), page number included. */
  words: number
  diagrams: { expected: number; rendered: number; errors: string[] }
}

/**
 * Open every slide of a built SPA and measure it. Nothing is hidden to make it fit: text clipped
 * by an `overflow: hidden` box counts as overflow.
 */
export async function measureSlides(browser: Browser, spaUrl: string, expectedDiagrams: number[]): Promise<SlideMeasure[]> {
  const context = await browser.newContext({ viewport: CANVAS, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const results: SlideMeasure[] = []
  try {
    await page.goto(`${spaUrl}index.html#/1`, { waitUntil: 'load' })
    for (let n = 1; n <= expectedDiagrams.length; n++) {
      await page.evaluate((target) => {
        location.hash = `#/${target}`
      }, n)
      const slide = page.locator(`.slidev-page-${n}`)
      await slide.waitFor({ state: 'visible', timeout: 20_000 })
      const expected = expectedDiagrams[n - 1]
      if (expected) {
        await page
          .waitForFunction(
            ({ target, count }) => {
              const root = document.querySelector(`.slidev-page-${target}`)
              if (!root) return false
              const done = Array.from(root.querySelectorAll('.mermaid')).filter((host) => host.shadowRoot?.querySelector('svg')).length
              const failed = root.querySelectorAll('pre.text-wrap').length
              return done + failed >= count
            },
            { target: n, count: expected },
            { timeout: 20_000 },
          )
          .catch(() => undefined)
      }
      await page.evaluate(() => document.fonts.ready)
      const measured = await page.evaluate(measureInPage, n)
      results.push({
        number: n,
        overflowPx: measured.overflowPx,
        minFontPx: measured.minFontPx,
        words: measured.words,
        diagrams: { expected, rendered: measured.rendered, errors: [...measured.errors, ...errors.splice(0)] },
      })
    }
  } finally {
    await context.close()
  }
  return results
}

/** Runs in the page: measure slide `n` (text rectangles, font sizes, diagrams). */
function measureInPage(n: number): { overflowPx: number; minFontPx: number; words: number; rendered: number; errors: string[] } {
  const root = document.querySelector(`.slidev-page-${n}`) as HTMLElement
  const layout = (root.querySelector('.slidev-layout') as HTMLElement) ?? root
  const canvas = layout.getBoundingClientRect()
  let overflow = 0
  let minFont = Number.POSITIVE_INFINITY
  const range = document.createRange()

  const clippers = (element: Element): DOMRect[] => {
    const boxes: DOMRect[] = []
    for (let el: Element | null = element; el && el !== layout; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
      const style = getComputedStyle(el)
      if (/(hidden|clip|auto|scroll)/.test(style.overflowX + style.overflowY)) boxes.push(el.getBoundingClientRect())
    }
    return boxes
  }

  const visitText = (node: Text): void => {
    const value = node.data.trim()
    if (!value) return
    const element = node.parentElement
    if (!element) return
    const style = getComputedStyle(element)
    if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return
    range.selectNodeContents(node)
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0)
    if (!rects.length) return
    const boxes = [canvas, ...clippers(element)]
    for (const rect of rects) {
      for (const box of boxes) {
        overflow = Math.max(overflow, box.left - rect.left, rect.right - box.right, box.top - rect.top, rect.bottom - box.bottom)
      }
    }
    // Effective size: the computed size times any scaling (CSS transforms, SVG viewBox).
    const html = element as HTMLElement
    let scale = 1
    if (element instanceof SVGElement) {
      const ctm = (element as unknown as SVGGraphicsElement).getScreenCTM?.()
      if (ctm) scale = Math.hypot(ctm.a, ctm.b)
    } else if (html.offsetHeight > 0) {
      scale = element.getBoundingClientRect().height / html.offsetHeight
    }
    // KaTeX sets scripts of scripts (x^{a^b}) smaller by design: they count for overflow, not for the smallest text.
    if (!element.closest('.katex')) minFont = Math.min(minFont, parseFloat(style.fontSize) * scale)
  }

  const walk = (start: Node): void => {
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT)
    for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) visitText(node as Text)
      else if ((node as Element).shadowRoot) walk((node as Element).shadowRoot as ShadowRoot)
    }
  }
  walk(layout)

  const hosts = Array.from(root.querySelectorAll('.mermaid'))
  let rendered = 0
  const errors: string[] = []
  for (const host of hosts) {
    const svg = host.shadowRoot?.querySelector('svg')
    const text = svg?.textContent ?? ''
    if (svg && svg.getBoundingClientRect().width > 0 && !/Syntax error|Parse error/i.test(text)) rendered++
    else if (svg) errors.push(text.slice(0, 200))
  }
  for (const pre of Array.from(root.querySelectorAll('pre.text-wrap'))) errors.push((pre.textContent ?? '').slice(0, 200))
  // Words as a reader sees them: the slide's rendered text (innerText) plus diagram labels, counted
  // both by whitespace and by Intl word segmentation; the larger count is reported.
  // Only labels: an SVG's textContent also holds its <style> sheet.
  const diagramText = hosts
    .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll('svg text, svg foreignObject') ?? []))
    .map((label) => label.textContent ?? '')
    .join(' ')
  // KaTeX's MathML copy of a formula is for screen readers (clipped to 1 px): a reader sees the formula once.
  const mathml = Array.from(layout.querySelectorAll<HTMLElement>('.katex-mathml'))
  mathml.forEach((element) => (element.style.display = 'none'))
  const visible = `${layout.innerText} ${diagramText}`
  mathml.forEach((element) => (element.style.display = ''))
  const byWhitespace = visible.split(/\s+/).filter(Boolean).length
  let bySegmenter = 0
  for (const part of new Intl.Segmenter(undefined, { granularity: 'word' }).segment(visible)) if (part.isWordLike) bySegmenter++
  return {
    overflowPx: Math.max(0, Math.round(overflow * 10) / 10),
    minFontPx: Number.isFinite(minFont) ? Math.round(minFont * 10) / 10 : 0,
    words: Math.max(byWhitespace, bySegmenter),
    rendered,
    errors,
  }
}
