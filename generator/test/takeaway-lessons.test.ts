import { describe, expect, it } from 'vitest'
import { lessonWeight } from '../src/plan/takeaways.js'
import { takeawayBullets as takeaways } from './helpers.js'

// Own words: pottery, each section opening with a definition and holding a warning later on.
const KILN = `# Firing a kiln

## Bisque firing

- The term **bisque** refers to clay that has been fired once and is still porous.
- A slow climb through the first few hundred degrees lets the last water leave the clay.
- You should never open the lid above two hundred degrees, because the cold air cracks the pots.

## Glaze firing

- A glaze is a thin coat of glass that melts onto the pot in the second firing.
- Pots must stand on small pegs or a clean shelf, since a running glaze welds them to the shelf.

## Cooling

- Cooling takes about as long as heating did.
- Unlike a bisque load, a glazed load cools best with the lid shut until the next morning.
`

// Own words: an outline (one nested bullet list) on river ecology, with recap items inside two parts.
const RIVER = `- Upstream reaches
	- Water runs fast and cold over stones.
	- Insect larvae cling to the rocks and graze on algae.
	- Summary
		- Fast water holds more oxygen, so the animals there need a lot of it.
		- Shade from the banks keeps the water cool.
- Lowland reaches
	- The river slows and drops the silt it carried.
	- How to measure the flow
		- Time a float over a marked distance.
		- Multiply by the width and the depth.
	- Summary
		- Silt settles where the current is weak, and reeds take root in it.
`

// Own words: medieval trade, with figures-only lines, a heading-like item and formulas.
const TRADE = `# Medieval trade

## Fairs

- Merchants met at seasonal fairs where local lords guaranteed their safety.
- Where the fairs were held
	- Towns on rivers and old roads.
	- Crossings between two kingdoms.

## Weights

- 12 ounces (1 pound = 12 ounces)
- A common standard of weight let buyers from distant towns trust the scales.
`

describe('takeaways prefer lessons over definitions', () => {
  it('takes a section warning over its opening definition', () => {
    const points = takeaways(KILN)
    expect(points.some((p) => /never open the lid/.test(p))).toBe(true)
    expect(points.some((p) => /The term bisque/.test(p))).toBe(false)
  })

  it.each([
    ['You should never open the lid while it is hot.', true],
    ['Always wedge the clay before throwing it.', true],
    ['The status should be ready after a minute.', false],
  ])('reads advice in %j: %s', (text, advice) => {
    expect(lessonWeight(text) > 0).toBe(advice)
  })

  it.each([
    ['The term tariff refers to a tax on imports.'],
    ['To understand inflation, imagine a bakery that doubles its prices.'],
    ['A tariff is a tax on goods that cross a border.'],
  ])('weighs a definition or an analogy down: %j', (text) => {
    expect(lessonWeight(text)).toBeLessThan(0)
  })

  it('weighs a contrast up', () => {
    expect(lessonWeight('Unlike a bisque load, a glazed load cools with the lid shut.')).toBeGreaterThan(0)
  })
})

describe('takeaways from recap items inside an outline', () => {
  it('takes the first point of each recap item ("- Summary" over a list)', () => {
    const points = takeaways(RIVER)
    expect(points[0]).toMatch(/^Fast water holds more oxygen/)
    expect(points.some((p) => /^Silt settles/.test(p))).toBe(true)
  })

  it('never takes a heading in list form as a takeaway', () => {
    expect(takeaways(RIVER).some((p) => /How to measure/.test(p))).toBe(false)
    expect(takeaways(TRADE).some((p) => /Where the fairs were held/.test(p))).toBe(false)
  })

  it('never takes figures alone as a takeaway', () => {
    const points = takeaways(TRADE)
    expect(points.some((p) => /12 ounces/.test(p))).toBe(false)
    expect(points.some((p) => /common standard of weight/.test(p))).toBe(true)
  })
})
