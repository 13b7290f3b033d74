import { describe, expect, it } from 'vitest'
import { isFragment } from '../src/plan/takeaways.js'

describe('a takeaway needs its subject', () => {
  it.each([
    ['Cannot be seen with a light microscope before the second day', true],
    ['Signed by both parties in the presence of a notary', true],
    ['Raises the price of imported goods for every buyer', true],
    ['Should be filed within thirty days of the ruling', true],
    ['Run the migrations before you start the server', false],
    ['Press the button twice to reset the counter', false],
    ['If supply falls, the price of grain rises', false],
    ['Tariffs raise the price of imported goods', false],
    ['Growing cells need more glucose than resting ones', false],
    ['Der Vertrag wurde unterschrieben', false],
  ])('%s → %s', (text, fragment) => {
    expect(isFragment(text)).toBe(fragment)
  })
})
