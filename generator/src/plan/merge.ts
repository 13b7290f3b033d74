import type { SlideBlock } from '../types.js'
import { isShown, type Unit } from './unit.js'

/** The blocks of units as a slide shows them: a solo unit's lead first; neighbouring bullets and definitions merge, pieces of one item into that item. */
export function mergeBlocks(units: Unit[]): SlideBlock[] {
  const body: SlideBlock[] = []
  let piece: object | undefined
  for (const unit of units) {
    if (!isShown(unit)) continue
    if (unit.kind === 'solo' && unit.lead) body.push(unit.lead)
    const previous = body[body.length - 1]
    const block = unit.block
    const same = unit.kind === 'flow' && unit.piece !== undefined && unit.piece === piece
    piece = unit.kind === 'flow' ? unit.piece : undefined
    if (same && block.type === 'bullets' && previous?.type === 'bullets' && block.items.length === 1 && previous.items.length) {
      // A further sub-bullet of the item the slide already shows: under that item, not beside it.
      const last = previous.items[previous.items.length - 1]
      body[body.length - 1] = { ...previous, items: [...previous.items.slice(0, -1), { ...last, children: [...last.children, ...block.items[0].children] }] }
    } else if (
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
