/**
 * The side test of whether a top-level section shows anything works out the section's units;
 * the walk takes those units instead of working them out again, but only when the side test
 * said nothing (no message) and numbered no definition group, since both are thrown away.
 */
import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import type { RootContent } from 'mdast'
import { readMarkdown } from '../src/markdown.js'
import { defaultPlanOptions } from '../src/plan/index.js'
import { previewUnitsForBlocks, unitsForBlocks, type UnitContext } from '../src/plan/units.js'
import type { PlanOptions } from '../src/types.js'

const options: PlanOptions = { ...defaultPlanOptions, assets: new Map() }
const blocksOf = (markdown: string): RootContent[] => readMarkdown(markdown).children

function context(file: VFile, heading: string, groups = { n: 0 }): UnitContext {
  return { options, file, titleWords: heading.split(' ').length, heading, nextGroup: () => ++groups.n }
}

/** The side test's context, as plan/index.ts makes it: a file and group numbers thrown away. */
const sideContext = (heading: string): UnitContext => ({ ...context(new VFile(), heading), nextGroup: () => 0 })

describe('previewUnitsForBlocks', () => {
  it('hands its units to the walk once, for the same blocks and heading', () => {
    const blocks = blocksOf('Glaciers carve valleys into a U shape. Rivers cut V-shaped valleys instead.\n\n- Moraines mark where ice stopped\n- Drumlins point the way the ice moved')
    const previewed = previewUnitsForBlocks(blocks, sideContext('Landforms'))
    const walked = unitsForBlocks([...blocks], context(new VFile(), 'Landforms'))
    expect(walked).toBe(previewed)
    // Taken once: a second call works them out again, to the same units.
    const again = unitsForBlocks(blocks, context(new VFile(), 'Landforms'))
    expect(again).not.toBe(previewed)
    expect(again).toEqual(previewed)
  })

  it('is not reused under another heading or for other blocks', () => {
    const blocks = blocksOf('Tariffs raise the price of imports. Domestic producers gain while buyers pay more.')
    const previewed = previewUnitsForBlocks(blocks, sideContext('Trade policy'))
    expect(unitsForBlocks(blocks, context(new VFile(), 'Another heading'))).not.toBe(previewed)
    const fewer = previewUnitsForBlocks(blocksOf('One block.\n\nTwo blocks.'), sideContext('Counting'))
    expect(unitsForBlocks(blocksOf('One block.\n\nTwo blocks.'), context(new VFile(), 'Counting'))).not.toBe(fewer)
  })

  it('leaves the walk to work out the units, and say the message, when the side test wrote one', () => {
    const blocks = blocksOf('<!-- slide: wobble -->\n\nThe Treaty of Westphalia ended the Thirty Years War in 1648.')
    const previewed = previewUnitsForBlocks(blocks, sideContext('Peace treaties'))
    const file = new VFile()
    const walked = unitsForBlocks(blocks, context(file, 'Peace treaties'))
    expect(walked).not.toBe(previewed)
    expect(file.messages.map((message) => message.reason)).toEqual([expect.stringContaining('unknown directive')])
  })

  it('leaves the walk to number definition groups with its own counter', () => {
    const blocks = blocksOf('**Tort**: a civil wrong that causes harm.\n\n**Contract**: an agreement the law enforces.\n\n**Statute**: a law passed by a legislature.')
    const previewed = previewUnitsForBlocks(blocks, sideContext('Legal terms'))
    const groups = { n: 6 }
    const walked = unitsForBlocks(blocks, context(new VFile(), 'Legal terms', groups))
    expect(walked).not.toBe(previewed)
    expect(walked.some((unit) => unit.kind === 'group' && unit.group === 7)).toBe(true)
  })
})
