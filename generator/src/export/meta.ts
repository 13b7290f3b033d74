import * as pdfLib from 'pdf-lib'
import { outlinePdfFactory } from '@lillallol/outline-pdf'

export interface PdfMeta {
  title: string
  author?: string
  /** Bookmarks: 1-based page and title, in page order. */
  outline: Array<{ page: number; title: string }>
}

/**
 * Give a PDF its title, author and outline (bookmarks), with fixed dates so the same deck gives
 * the same bytes.
 */
export async function finishPdf(pdf: pdfLib.PDFDocument, meta: PdfMeta): Promise<Uint8Array> {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true })
  if (meta.author) pdf.setAuthor(meta.author)
  pdf.setCreator('lectern')
  pdf.setProducer('lectern (Slidev + Chromium)')
  pdf.setCreationDate(new Date(0))
  pdf.setModificationDate(new Date(0))
  const entries = meta.outline.filter((entry) => entry.page >= 1 && entry.page <= pdf.getPageCount())
  if (!entries.length) return pdf.save()
  const outline = entries.map((entry) => `${entry.page}||${entry.title.replace(/[|\n\r]+/g, ' ').trim() || '(untitled)'}`).join('\n')
  const outlined = await outlinePdfFactory(pdfLib)({ pdf, outline })
  return outlined.save()
}

/** The bookmarks of a talk: the cover, each part (its divider, or the slide that opens a part too short for one), the takeaways (1-based slide numbers). */
export function sectionOutline(slides: Array<{ number: number; title: string; kind: string; opens?: string }>): Array<{ slide: number; title: string }> {
  return slides
    .filter((slide) => slide.kind === 'cover' || slide.kind === 'section' || slide.kind === 'takeaways' || slide.opens)
    .filter((slide, i, all) => slide.kind !== 'takeaways' || all.findIndex((s) => s.kind === 'takeaways') === i)
    .map((slide) => ({ slide: slide.number, title: slide.kind === 'section' || !slide.opens ? slide.title : slide.opens }))
}
