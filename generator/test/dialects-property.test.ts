/** Property tests for the dialects: random notes mixing every notes app's syntax never throw,
 * Slidev reads the deck back, no raw dialect syntax reaches a slide, every sentence is kept. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deckOf } from './helpers.js'
import { sentenceCoverage } from '../src/coverage.js'

const word = fc.constantFrom(
  'tide', 'harvest', 'treaty', 'enzyme', 'Preis', 'café', '潮汐', 'مد',
  '[[Page]]', '[[Page|alias]]', '[[Page#Part]]', '![[pic.png|200]]', '![[Other note]]', '==marked==', '%%aside%%',
  '$x^2$', '$5', '$$y$$', '\\(a_1\\)', 'H<sub>2</sub>O', '<kbd>K</kbd>', '<span>s</span>', '{{query x}}', '((1a2b3c4d-0000-1111-2222-333344445555))',
  '{: .x}', '{:height 10}', 'key:: value', '#tag', '<br>', '{{ 6 * 7 }}', '<script>alert(1)</script>', '`code`',
)
const sentence = fc.array(word, { minLength: 1, maxLength: 7 }).map((words) => `Point ${words.join(' ')} ends.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' '))
const callout = fc.tuple(fc.constantFrom('note', 'TIP', 'warning', 'faq', 'tldr', 'odd'), fc.constantFrom('', '+', '-'), fc.constantFrom('', ' A title', ' Title {{ x }}'), paragraph)
  .map(([kind, fold, title, body]) => `>${fold === '-' ? '' : ' '}[!${kind}]${fold}${title}\n> ${body}`)
const outline = fc.array(fc.tuple(paragraph, fc.array(paragraph, { maxLength: 3 })), { minLength: 1, maxLength: 3 })
  .map((items) => items.map(([head, children]) => [`- ${head}`, '  collapsed:: true', ...children.map((c) => `\t- ${c}`)].join('\n')).join('\n'))
const block = fc.oneof(
  { weight: 4, arbitrary: paragraph },
  { weight: 2, arbitrary: callout },
  { weight: 1, arbitrary: fc.constant('$$\n\\frac{a}{b}\n$$') },
  { weight: 1, arbitrary: fc.constant('[Back to Top](#top)') },
  { weight: 1, arbitrary: fc.constant('Created: 2024-05-01') },
  { weight: 1, arbitrary: fc.constant('<aside>\nA boxed point.\n\n</aside>') },
  { weight: 1, arbitrary: fc.constant('<details><summary>Folded part</summary>\n\nInside text.\n\n</details>') },
  { weight: 1, arbitrary: fc.constant('---') },
  { weight: 2, arbitrary: fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((items) => items.map((i) => `- ${i}`).join('\n')) },
)
const note = fc.oneof(
  fc.array(fc.oneof(block, fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => `## Part ${words.join(' ')}`)), { minLength: 1, maxLength: 8 }).map((blocks) => `# Notes\n\n${blocks.join('\n\n')}\n`),
  outline,
)

describe('dialects on random notes', () => {
  it('never throw, keep every sentence, and leave no callout marker or wiki brackets on a slide', () => {
    fc.assert(
      fc.property(note, (text) => {
        const deck = deckOf(text)
        expect(deck.parsed.slides.length).toBe(deck.slides.length)
        const shown = deck.parsed.slides.map((slide) => slide.content).join('\n')
        expect(shown).not.toMatch(/\\?\[\\?!(?:note|TIP|warning|faq|tldr|odd)|\\\[\\\[|collapsed::|%%/)
        expect(sentenceCoverage(text, deck.markdown).missing).toEqual([])
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})
