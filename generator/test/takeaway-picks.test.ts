import { describe, expect, it } from 'vitest'
import { deckOf, takeawayBullets } from './helpers.js'

/** The bullets the key takeaways show, as plain text (with "**" around bold runs). */
const takeaways = (note: string): string[] => takeawayBullets(note, true)

// Own words: a note on monetary policy, with a long list of parallel definitions and two sections that say the same.
const MONEY = `# Monetary policy

## The policy rate

The central bank sets a short-term interest rate that steers what banks charge each other.

## Tools of the central bank

- **Open market operations** : buying and selling bonds to move the money supply.
- **Reserve requirements** : the share of deposits banks must keep.
- **Discount window** : loans the central bank makes to banks in trouble.
- **Forward guidance** : statements about where rates will go.
- **Quantitative easing** : large purchases of long-term assets.

## Inflation targets

- **Target** : Most central banks aim for inflation near two percent a year.
- **Horizon** : They judge it over the medium term rather than month by month.

## Why the rate matters

The central bank sets the short-term interest rate, and that rate steers what banks charge each other.

## Households

Higher rates make mortgages dearer, so households borrow less and save more.
`

// Own words: a fix for a stalled bread machine, told as a numbered procedure.
const BREAD = `# Bread machine stalls

## Problem

The kneading paddle stops after a minute and the display blinks.

## Fix

1. Unplug the machine and take the pan out.
2. Clean the dough from under the paddle.
3. Put the pan back until it clicks.
4. Plug the machine in and start again.
`

// Own words: a tax example that leads into a formula, a count that leads into a list, and real points.
const TAX = `# Income tax

## Brackets

A progressive tax charges a higher rate on each further slice of income.

Thus, the tax paid by each household is

$$T = \\sum_i r_i b_i$$

## Kinds of deduction

There are three kinds of deductions.

- Personal allowances
- Pension contributions
- Gifts to charity

Deductions lower taxable income before the rates apply.

## Collection

Employers withhold the tax from wages and pass it to the treasury each month.
`

describe('key takeaways chosen from sections', () => {
  it('never picks one member of a long list of parallel definitions, and prefers the section point', () => {
    const shown = takeaways(MONEY)
    expect(shown.some((text) => /Open market|Reserve requirements|Discount window|Forward guidance|Quantitative easing/.test(text))).toBe(false)
    expect(shown.some((text) => text.includes('Higher rates make mortgages dearer'))).toBe(true)
  })

  it('shows one of two points that say the same thing, not both', () => {
    const shown = takeaways(MONEY)
    expect(shown.filter((text) => /short-term interest rate/.test(text))).toHaveLength(1)
  })

  it('shows "Term : text" as "Term: text"', () => {
    const shown = takeaways(MONEY)
    const target = shown.find((text) => text.includes('two percent'))
    expect(target).toBeDefined()
    expect(target).not.toMatch(/\s:/)
    expect(target).toMatch(/^\*\*Target\*\*: /)
  })

  it('takes no step of a numbered procedure as a takeaway: the problem it solves stays', () => {
    expect(takeaways(BREAD)).toEqual(['The kneading paddle stops after a minute and the display blinks'])
    // Every sentence of the note is still in the deck.
    const deck = deckOf(BREAD)
    const all = JSON.stringify(deck.slides.map((slide) => [slide.body, slide.notes]))
    for (const text of ['Unplug the machine', 'Clean the dough', 'kneading paddle stops']) expect(all).toContain(text)
  })

  it('takes no sentence that stops before its formula, nor one that only counts what follows', () => {
    const shown = takeaways(TAX)
    expect(shown.some((text) => /tax paid by each household is/.test(text))).toBe(false)
    expect(shown.some((text) => /three kinds of deductions/.test(text))).toBe(false)
    expect(shown.some((text) => text.includes('Deductions lower taxable income'))).toBe(true)
    expect(shown.some((text) => text.includes('Employers withhold the tax'))).toBe(true)
  })
})
