import type { Browser } from 'playwright-chromium'
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib'
import type { DeckInfo } from './deckinfo.js'
import { finishPdf, sectionOutline } from './meta.js'

export type Paper = 'a4' | 'letter'

export interface HandoutOptions {
  paper: Paper
  perPage: 1 | 2 | 3
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Browsers may break a line after a hyphen, and PDF text extraction then reads "read- only":
 * hyphenated words (short enough to fit a line) are kept on one line.
 */
function keepHyphenatedWords(html: string): string {
  return html.replace(/[^\s<>]*-[^\s<>]*/g, (word) => (word.length <= 40 ? `<span class="nw">${word}</span>` : word))
}

function groupHtml(info: DeckInfo, images: Buffer[], from: number, to: number, options: HandoutOptions): string {
  const columns = options.perPage === 1 ? '1fr' : options.perPage === 2 ? '60% 1fr' : '48% 1fr'
  const items = info.slides.slice(from, to).map((slide) => {
    const image = images[slide.number - 1]
    const src = image ? `data:image/png;base64,${image.toString('base64')}` : ''
    return `<section class="item">
  <figure><img src="${src}" alt="Slide ${slide.number}: ${escapeHtml(slide.title)}"><figcaption>Slide ${slide.number} · ${escapeHtml(slide.title)}</figcaption></figure>
  <div class="notes">${keepHyphenatedWords(escapeHtml(slide.notes.trim()))}</div>
</section>`
  })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(info.title)}</title><style>
html,body{margin:0;padding:0}
body{font-family:'Noto Sans','DejaVu Sans',Arial,sans-serif;font-size:9.5pt;line-height:1.38;color:#1f2430;font-variant-ligatures:none;font-feature-settings:'liga' 0,'calt' 0,'kern' 0;font-kerning:none}
.item{display:grid;grid-template-columns:${columns};gap:5mm;margin:0 0 6mm;padding-bottom:5mm;border-bottom:0.3mm solid #e6e2d8;break-inside:avoid}
.item:last-child{border-bottom:none}
figure{margin:0}
img{width:100%;display:block;border:0.3mm solid #d6cfc0;border-radius:1mm}
figcaption{font-size:7.5pt;color:#5b6272;margin-top:1.5mm}
.notes{white-space:pre-wrap;overflow-wrap:anywhere}
.nw{white-space:nowrap}
</style></head><body>${items.join('\n')}</body></html>`
}

/**
 * A handout: each page holds 1–3 slides (as rendered) with their speaker notes as real,
 * selectable text (in the system's sans-serif, which covers more scripts than the theme's Inter
 * and keeps `--` two characters when the text is extracted); the talk's title in the header, page numbers in the footer, bookmarks by
 * section. Note: slides are printed in groups of `perPage`, so a bookmark points at the first
 * page of its slide's group (exact unless a slide's notes run over a page).
 */
export async function makeHandout(browser: Browser, info: DeckInfo, images: Buffer[], options: HandoutOptions): Promise<Uint8Array> {
  const context = await browser.newContext({ colorScheme: 'light' })
  const merged = await PDFDocument.create()
  const groupStart = new Map<number, number>()
  try {
    const page = await context.newPage()
    for (let from = 0; from < info.slides.length; from += options.perPage) {
      const to = Math.min(info.slides.length, from + options.perPage)
      await page.setContent(groupHtml(info, images, from, to, options), { waitUntil: 'load' })
      await page.evaluate(() => document.fonts.ready)
      const bytes = await page.pdf({
        format: options.paper === 'letter' ? 'Letter' : 'A4',
        margin: { top: '18mm', bottom: '16mm', left: '14mm', right: '14mm' },
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="font-family:sans-serif;font-size:8px;color:#5b6272;width:100%;padding:0 14mm;text-align:left">${escapeHtml(info.title)}</div>`,
        footerTemplate: '<div></div>',
      })
      const part = await PDFDocument.load(bytes)
      for (let i = from; i < to; i++) groupStart.set(i + 1, merged.getPageCount() + 1)
      for (const copied of await merged.copyPages(part, part.getPageIndices())) merged.addPage(copied)
    }
  } finally {
    await context.close()
  }
  // Page numbers across the whole handout (the groups were printed one by one).
  const helvetica = await merged.embedFont(StandardFonts.Helvetica)
  const total = merged.getPageCount()
  merged.getPages().forEach((page, index) => {
    const label = `${index + 1} / ${total}`
    const size = 8
    const { width } = page.getSize()
    page.drawText(label, { x: width / 2 - helvetica.widthOfTextAtSize(label, size) / 2, y: 22, size, font: helvetica, color: rgb(0.36, 0.38, 0.45) })
  })
  const outline = sectionOutline(info.slides).map((entry) => ({ page: groupStart.get(entry.slide) ?? 1, title: entry.title }))
  return finishPdf(merged, { title: `${info.title} (handout)`, author: info.author, outline })
}
