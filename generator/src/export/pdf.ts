import type { Browser, Page } from 'playwright-chromium'
import { PDFDocument } from 'pdf-lib'
import { LecternError } from '../errors.js'

/** Slidev's canvas: 980 px wide, 16:9; the print view lays each slide out 552 px tall. */
export const CANVAS = { width: 980, height: 552 }

/**
 * Print the built SPA's /print route (already open in `page`) to a PDF with one page per slide
 * (vector text). Throws when the page count is not the slide count.
 */
export async function printSlides(page: Page, slides: number): Promise<PDFDocument> {
  const bytes = await page.pdf({
    width: `${CANVAS.width}px`,
    height: `${CANVAS.height}px`,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    printBackground: true,
    preferCSSPageSize: true,
    // Chromium adds a blank page after the last slide (the print view is a hair taller than
    // n × 552 px); print exactly the slides' pages.
    pageRanges: `1-${slides}`,
  })
  const pdf = await PDFDocument.load(bytes)
  if (pdf.getPageCount() !== slides) throw new LecternError(`the PDF has ${pdf.getPageCount()} pages for ${slides} slides`)
  return pdf
}

/** Open the SPA's print view (every slide one after another) and wait until it is drawn. */
export async function openPrintView(browser: Browser, spaUrl: string, slides: number, scale = 1): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: CANVAS, deviceScaleFactor: scale, colorScheme: 'light' })
  const errors: string[] = []
  const page = await context.newPage()
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${spaUrl}index.html?print=true#/print`, { waitUntil: 'load' })
  await waitForSlides(page, slides)
  return { page, errors, close: () => context.close() }
}

/** Wait until every slide is mounted, its images and fonts loaded and its diagrams drawn. */
export async function waitForSlides(page: Page, count: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (expected) => document.querySelectorAll('.print-slide-container').length >= expected,
    count,
    { timeout },
  )
  await page.waitForFunction(() => document.querySelectorAll('.slidev-slide-loading').length === 0, undefined, { timeout })
  await page.evaluate(async () => {
    await document.fonts.ready
    await Promise.all(
      Array.from(document.images)
        .filter((img) => !img.complete)
        .map(
          (img) =>
            new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true })
              img.addEventListener('error', resolve, { once: true })
            }),
        ),
    )
  })
  // Mermaid draws asynchronously (into a shadow root): wait for each diagram's svg.
  const diagrams = page.locator('.mermaid')
  const total = await diagrams.count()
  for (let i = 0; i < total; i++) await diagrams.nth(i).locator('svg').first().waitFor({ state: 'attached', timeout })
}
