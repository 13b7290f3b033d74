import { promises as fs } from 'node:fs'
import type { Browser, Page } from 'playwright-chromium'
import { PDFDocument } from 'pdf-lib'
import { LecternError } from '../errors.js'

/** Slidev's canvas: 980 px wide, 16:9; the print view lays each slide out 552 px tall. */
export const CANVAS = { width: 980, height: 552 }

export interface PdfInfo {
  title: string
  author?: string
  slides: number
}

/**
 * Print a built SPA's /print route to a PDF with one page per slide (vector text), then set
 * the document's title and author. Throws when the page count is not the slide count.
 */
export async function printPdf(browser: Browser, spaUrl: string, output: string, info: PdfInfo): Promise<void> {
  const context = await browser.newContext({ viewport: CANVAS, deviceScaleFactor: 1 })
  const errors: string[] = []
  try {
    const page = await context.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${spaUrl}index.html?print=true#/print`, { waitUntil: 'load' })
    await waitForSlides(page, info.slides)
    const bytes = await page.pdf({
      width: `${CANVAS.width}px`,
      height: `${CANVAS.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      preferCSSPageSize: true,
      // Chromium adds a blank page after the last slide (the print view is a hair taller than
      // n × 552 px); print exactly the slides' pages.
      pageRanges: `1-${info.slides}`,
    })
    const pdf = await PDFDocument.load(bytes)
    if (pdf.getPageCount() !== info.slides) {
      throw new LecternError(`${output}: the PDF has ${pdf.getPageCount()} pages for ${info.slides} slides`)
    }
    pdf.setTitle(info.title)
    if (info.author) pdf.setAuthor(info.author)
    pdf.setCreator('lectern')
    pdf.setProducer('lectern (Slidev + Chromium)')
    // Fixed dates keep the bytes the same for the same deck.
    pdf.setCreationDate(new Date(0))
    pdf.setModificationDate(new Date(0))
    await fs.writeFile(output, await pdf.save())
    if (errors.length) throw new LecternError(`${output}: the deck raised errors while printing: ${errors.join('; ')}`)
  } finally {
    await context.close()
  }
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
