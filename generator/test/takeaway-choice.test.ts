import { describe, expect, it } from 'vitest'
import { isClause, namesMember, opensBackward } from '../src/plan/point.js'
import { takeawayBullets as takeaways, takeawaySlides } from './helpers.js'

// Own words: beekeeping, with conclusions that lean on the sentence before them.
const HIVE = `# Keeping bees

## Winter

A colony clusters in a tight ball and shivers its flight muscles to stay warm.
Thus, a small colony loses heat faster than a large one.

## Feeding

Bees store honey in the upper frames of the hive during the summer.
So the beekeeper must leave enough of it for the cold months.

## Swarming

A crowded hive raises new queens and half of the bees leave with the old queen.
As a result, the keeper loses most of that year's honey.

## Inspection

Recall that a frame of brood takes three weeks to hatch.
A calm inspection on a warm afternoon disturbs the bees least.
`

// Own words: a sailing dinghy, its parts listed as traits under their headings.
const DINGHY = `# The sailing dinghy

## The hull

- shaped like a shallow spoon so that it planes at speed
- 4 metres (13 feet) long hull built from glass fibre
- Instructions to rig the boat before launching
- A wide hull is stable in light wind but slow in a chop.

## The rig

- consist of a mast, a boom and one sail
- The mainsail drives the boat when the wind comes from the side.
`

// Own words: kitchen tools, where each tool has the same aspect labels.
const KITCHEN = `# Kitchen tools

## Hand tools

**Mortar**
- **Purpose:** Grinds seeds and leaves into a paste.
- **Care:** Rinse with water only.

**Whisk**
- **Purpose:** Beats air into cream and egg whites.
- **Care:** Dry it upside down.

## Knives

- \`santoku\`: Cuts vegetables with a straight downward push.
- A sharp knife slips less often than a blunt one.
`

// Own words: a six-part talk on astronomy whose first part has far more bold points than the rest.
const SKY = `# Watching the night sky

## Getting started

- **Dark skies show many more stars than a city does.**
- **Eyes need twenty minutes to adapt to the dark.**
- **A red torch keeps the eyes adapted while reading a chart.**
- **Binoculars show more than a cheap telescope.**

## The Moon

The Moon shows the same face to the Earth because its spin matches its orbit.

## Planets

Planets drift against the stars from night to night along a narrow band of the sky.

## Comets

A comet grows its tail only when it comes close to the Sun.

## Meteor showers

A meteor shower happens when the Earth crosses the dust left by a comet.

## Recording what you see

A notebook with the time and the sky conditions makes an observation useful to others.
`

// Own words: a long note on bread with a "Key points" recap after its first topic and its real conclusions at the end.
const BREAD = `# Baking bread

## Flour

Strong flour holds more protein, which forms the gluten that traps the gas.

Whole grain flour absorbs more water than white flour does.

## Key points

- Strong flour gives a taller loaf.
- Whole grain dough needs more water.

## Yeast

Yeast feeds on sugars in the dough and releases the gas that makes it rise.

A warm kitchen speeds the rise, and a cold one slows it down.

Too much yeast gives a loaf that tastes sour and collapses in the oven.

## Kneading

Kneading lines up the gluten strands so that the dough can stretch without tearing.

A dough that springs back when pressed has been kneaded enough.

The windowpane test stretches a small piece until light shines through it.

## Proving

A second rise after shaping gives the crumb its even texture.

An over-proved loaf spreads sideways because the gluten has lost its strength.

## Baking

Steam in the first minutes keeps the crust soft so the loaf can still expand.

A hollow sound from the base tells the baker that the loaf is done.

## Cooling

The crumb keeps setting while the loaf cools, so cutting it early makes it gummy.

Bread stored in paper keeps its crust; bread stored in plastic goes soft.

Frozen slices toast well straight from the freezer.
`

// Own words: a lecture that opens by reviewing the last one.
const LAW = `# Contract law, part two

## Review

- Last time we covered how an offer is made.
- An offer lapses when the offeror withdraws it before acceptance.

## Acceptance

Acceptance must mirror the offer exactly, or it counts as a counter-offer.

## Consideration

Each side must give something of value for a promise to bind them.

## Capacity

A minor can usually walk away from a contract that is not for necessities.

## Remedies

Damages aim to put the injured party where the contract would have left them.

## Closing thoughts

A contract needs an offer, a matching acceptance, consideration and parties able to agree.
`

// Own words, in German: a note whose lines lead on into formulas and links.
const GERMAN = `# Lineare Funktionen

## Definition

- sei f eine Funktion auf den reellen Zahlen, dann heißt
- $f(x) = mx + b$: lineare Funktion mit Steigung m
- siehe auch: affine Abbildungen
- Die Steigung gibt an, wie stark der Graph steigt oder fällt.

## Nullstellen

- Eine lineare Funktion mit Steigung ungleich null hat genau eine Nullstelle.
- Für die Nullstelle gilt,
`

describe('takeaways that stand alone', () => {
  it('takes no sentence that opens by pointing back ("Thus", "So the", "As a result", "Recall that")', () => {
    const shown = takeaways(HIVE)
    expect(shown.some((text) => /^(?:Thus|So|As a result|Recall that)\b/.test(text))).toBe(false)
    // Each section's own statement stands in its place.
    expect(shown).toContain('A colony clusters in a tight ball and shivers its flight muscles to stay warm')
    expect(shown.some((text) => text.startsWith('A calm inspection'))).toBe(true)
  })

  it('takes no trait whose subject is its heading, nor a figure, nor an infinitive phrase', () => {
    const shown = takeaways(DINGHY)
    expect(shown.some((text) => /^(?:shaped|consist|4 metres|Instructions to)/.test(text))).toBe(false)
    expect(shown.some((text) => text.startsWith('A wide hull is stable'))).toBe(true)
    expect(shown.some((text) => text.startsWith('The mainsail drives the boat'))).toBe(true)
  })

  it('takes no aspect label that stands for its thing ("Purpose: Grinds …" under each tool), but a code label names its thing', () => {
    const shown = takeaways(KITCHEN)
    expect(shown.some((text) => /^(?:Purpose|Care):/.test(text))).toBe(false)
    expect(shown).toContain('santoku: Cuts vegetables with a straight downward push')
  })

  it('keeps to the shape outside English: no line that goes on, ends in a comma or is a see-also link', () => {
    const shown = takeaways(GERMAN)
    expect(shown.some((text) => /dann heißt|siehe auch|gilt,$/.test(text))).toBe(false)
    expect(shown).toContain('Eine lineare Funktion mit Steigung ungleich null hat genau eine Nullstelle')
  })
})

describe('takeaways that cover the talk', () => {
  it('ends a six-part talk on a point of every part, not on four bold points of its first', () => {
    const shown = takeaways(SKY)
    for (const start of ['The Moon shows', 'Planets drift', 'A comet grows', 'A meteor shower', 'A notebook']) expect(shown.some((text) => text.startsWith(start))).toBe(true)
    expect(shown.filter((text) => /stars than a city|twenty minutes|red torch|Binoculars/.test(text)).length).toBeLessThan(4)
  })

  it('does not let an early recap of one topic stand for a long talk: the later parts speak too', () => {
    const slides = takeawaySlides(BREAD)
    expect(slides[0].title).toBe('Key takeaways')
    const shown = slides.flatMap((slide) => slide.bullets)
    expect(shown.some((text) => /^(?:Kneading|A dough|The windowpane)/.test(text))).toBe(true)
    expect(shown.some((text) => /^(?:The crumb|Bread stored|Frozen)/.test(text))).toBe(true)
  })

  it('takes nothing from a review of the last lecture that opens the note', () => {
    const shown = takeaways(LAW)
    expect(shown.some((text) => /Last time|An offer lapses/.test(text))).toBe(false)
    expect(shown.some((text) => text.startsWith('Acceptance must mirror the offer'))).toBe(true)
  })

  it('still ends on the note’s own recap when it closes the note', () => {
    const slides = takeawaySlides(LAW.replace('## Closing thoughts', '## Summary'))
    expect(slides.map((slide) => slide.title)).toEqual(['Summary'])
    expect(slides[0].bullets).toEqual(['A contract needs an offer, a matching acceptance, consideration and parties able to agree'])
  })
})

describe('what makes a sentence a statement of its own', () => {
  it.each([
    ['The keel keeps the boat from sliding sideways.', true],
    ['Changes to the rules take effect at once', true],
    ['Every tide X in which the moon is full has a higher range than X.', true],
    ['If you add salt early, the dough tightens', true],
    ['consist of a mast, a boom and one sail', false],
    ['6 metres (20 feet) mast made from wood when it is new', false],
    ['The army marched to the coast.', true],
    ['Instructions to rig the boat', false],
    ['The kind of rope preferred by most sailors', false],
    ['Written as twelve letters', false],
  ])('reads %j as a clause: %s', (text, clause) => {
    expect(isClause(text)).toBe(clause)
  })

  it.each([
    ['One exception is the barn owl.', true],
    ['One of the oldest instruments is the lute.', true],
    ['One problem with the lute is that its strings go out of tune quickly.', false],
    ['The barn owl hunts by sound alone.', false],
  ])('reads %j as only naming a member: %s', (text, member) => {
    expect(namesMember(text)).toBe(member)
  })

  it.each([
    ['Thus, the tide rises twice a day.', true],
    ['So the harbour closes at low water.', true],
    ['Remember that the tide tables use local time.', true],
    ['Some harbours close at low water.', false],
    ['Thunder follows lightning because sound is slower than light.', false],
  ])('reads %j as pointing back at its opening: %s', (text, back) => {
    expect(opensBackward(text)).toBe(back)
  })
})

// Own words: a short note on sailing knots, with a marked point, a pointer and a web address.
const KNOTS = `# Knots

## Why knots matter

A good knot holds under load and still unties easily afterwards.
In short, a knot is only as good as how easily you can untie it after a storm.

## The bowline

The bowline makes a fixed loop at the end of a line.
The drawing below shows the bowline tied around a post.

## Cleats

A cleat holds a line with a figure-eight turn and a locking hitch.

## Further reading

The knot guide at https://example.org/knots shows each knot step by step.
`

describe('takeaways that point elsewhere, and marked points', () => {
  const points = takeaways(KNOTS)

  it('takes no line with a web address and no line about what is below', () => {
    expect(points.some((text) => /https?:|example\.org/.test(text))).toBe(false)
    expect(points.some((text) => /below/.test(text))).toBe(false)
  })

  it('keeps what the author marked as the point', () => {
    expect(points.some((text) => /a knot is only as good as how easily you can untie it/i.test(text))).toBe(true)
  })
})
