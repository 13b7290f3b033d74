import type { SlideBlock } from '../types.js'
import { isShown, type Unit } from './unit.js'

/** The blocks of units as a slide shows them: a solo unit's lead first; neighbouring bullets and definitions merge. */
export function mergeBlocks(units: Unit[]): SlideBlock[] {
  const body: SlideBlock[] = []
  for (const unit of units) {
    if (!isShown(unit)) continue
    if (unit.kind === 'solo' && unit.lead) body.push(unit.lead)
    const previous = body[body.length - 1]
    const block = unit.block
    if (
      block.type === 'bullets' &&
      previous?.type === 'bullets' &&
      previous.ordered === block.ordered &&
      (!block.ordered || previous.start + previous.items.length === block.start)
    ) {
      body[body.length - 1] = { ...previous, items: [...previous.items, ...block.items] }
    } else if (block.type === 'definitions' && previous?.type === 'definitions') {
      body[body.length - 1] = { ...previous, items: [...previous.items, ...block.items] }
    } else {
      body.push(block)
    }
  }
  return body
}
