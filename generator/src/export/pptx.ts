import type { DeckInfo } from './deckinfo.js'

/**
 * A PowerPoint file: each slide as its picture (as rendered), with its speaker notes carried
 * over as the slide's notes. Note: Slidev's own pptx export needs its dev server; this builds the
 * same kind of file from the pictures lectern already took, with pptxgenjs.
 */
export async function makePptx(info: DeckInfo, images: Buffer[]): Promise<Buffer> {
  const { default: PptxGenJS } = (await import('pptxgenjs')) as unknown as { default: new () => PptxLike }
  const pptx = new PptxGenJS()
  pptx.layout = 'LAYOUT_16x9'
  pptx.title = info.title
  if (info.author) pptx.author = info.author
  pptx.company = 'lectern'
  info.slides.forEach((slide, index) => {
    const page = pptx.addSlide()
    const image = images[index]
    if (image) page.addImage({ data: `data:image/png;base64,${image.toString('base64')}`, x: 0, y: 0, w: 10, h: 5.625 })
    page.addNotes(slide.notes.trim() || slide.title)
  })
  const data = await pptx.write({ outputType: 'nodebuffer', compression: true })
  return data as Buffer
}

interface PptxLike {
  layout: string
  title: string
  author: string
  company: string
  addSlide: () => { addImage: (options: Record<string, unknown>) => void; addNotes: (notes: string) => void }
  write: (options: { outputType: 'nodebuffer'; compression: boolean }) => Promise<unknown>
}
