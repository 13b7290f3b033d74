import type { Page } from 'playwright-chromium'

/** A PNG of every slide, from the print view (at the page's device scale factor). */
export async function screenshotSlides(page: Page, onSlide?: (done: number) => void): Promise<Buffer[]> {
  const containers = page.locator('.print-slide-container')
  const count = await containers.count()
  const images: Buffer[] = []
  for (let i = 0; i < count; i++) {
    images.push(await containers.nth(i).screenshot({ animations: 'disabled' }))
    onSlide?.(i + 1)
  }
  return images
}
