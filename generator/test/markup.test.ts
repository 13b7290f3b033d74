import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import { parseSync } from '@slidev/parser'
import { rawMarkup } from '../src/markup.js'
import { replaceShortcodes } from '../src/dialects/emoji.js'
import { lintDeck } from '../src/lint.js'
import { mainClause, shortTitle, TITLE_MAX_CHARS } from '../src/plan/titles.js'
import { generateDeck } from '../src/pipeline.js'
import { sentenceCoverage } from '../src/coverage.js'

const deckOf = (note: string) => generateDeck(new VFile({ path: 'note.md', value: note }), { theme: 'lectern', notePath: 'note.md', helperThread: 'never' })

/** What the audience sees: every slide's markdown without its frontmatter and speaker notes. */
const onSlides = (markdown: string): string =>
  parseSync(markdown, 'slides.md')
    .slides.map((slide) => slide.content)
    .join('\n')

describe('rawMarkup', () => {
  it.each([
    ['emphasis markers', 'The **valve** stays shut'],
    ['highlight', 'Keep the ==lid== closed'],
    ['wiki link', 'See [[Pressure cookers]] for more'],
    ['markdown link', 'Read [the manual](manual.html) first'],
    ['footnote marker', 'Steam scalds[^2] quickly'],
    ['callout marker', '[!tip] Vent before opening'],
    ['task box', '[ ] Check the gasket'],
    ['tag', 'Release the steam slowly #kitchen'],
    ['property', 'chapter:: 4'],
    ['template braces', 'Shown here: {{video gasket.mp4}}'],
    ['html tag', 'The <span style="color:red">seal</span> wears out'],
    ['html tag', 'first line<br>second line'],
    ['html entity', 'Salt &amp; pepper'],
    ['escaped punctuation', 'Cook \\*exactly\\* ten minutes'],
    ['raw math', 'The energy is $E = m c^2$ here'],
    ['emoji shortcode', ':fire: Hot surface'],
  ])('names %s', (name, text) => {
    expect(rawMarkup(text)).toBe(name)
  })

  it.each([
    ['a price', 'A pot costs $30 and a lid $5'],
    ['a product written with a star', 'Use 2 * 3 cups of water'],
    ['a Windows path', 'Saved under C:\\Recipes\\soup.txt'],
    ['a placeholder', 'Replace <pot-size> with your own'],
    ['a time of day', 'Start at 12:30:45 sharp'],
    ['a word between colons that is no emoji', 'The ratio :gaskety: stays'],
    ['a scope operator', 'Call std::sort on the list'],
    ['template syntax the note is about', 'Helm fills {{ .Values.size }} in'],
    ['a heading-like number', 'Issue #42 is fixed'],
  ])('accepts %s', (_label, text) => {
    expect(rawMarkup(text)).toBeUndefined()
  })
})

describe('emoji shortcodes', () => {
  it.each([
    [':warning: Do not overfill', '⚠️ Do not overfill'],
    ['Ready :+1: and done :tada:', 'Ready 👍 and done 🎉'],
    ['At 08:15:30 the timer rings', 'At 08:15:30 the timer rings'],
    [':not_an_emoji_at_all: stays', ':not_an_emoji_at_all: stays'],
    ['a:fire:b is glued to words', 'a:fire:b is glued to words'],
  ])('%s → %s', (text, shown) => {
    expect(replaceShortcodes(text)).toBe(shown)
  })

  it('shows known shortcodes as their emoji on slides and keeps code as written', () => {
    const note = [
      '# Pressure cooking',
      '',
      '## :warning: Opening the lid',
      '',
      '- :fire: The pot stays hot long after the timer ends.',
      '- Type `:fire:` in the chat to warn others.',
      '',
      '## Cleaning',
      '',
      'Wash the gasket by hand after each use.',
      '',
    ].join('\n')
    const deck = deckOf(note)
    const slides = onSlides(deck.markdown)
    expect(slides).toContain('⚠️ Opening the lid')
    expect(slides).toContain('🔥 The pot stays hot')
    expect(slides).toContain('`:fire:`')
    expect(slides).not.toMatch(/\\?:warning\\?:/)
    expect(sentenceCoverage(note, deck.markdown).missing).toEqual([])
    expect(lintDeck(deck.markdown, note, 'note.md').findings.filter((f) => f.rule === 'raw-markup')).toEqual([])
  })
})

describe('lintDeck names raw markup', () => {
  const note = ['# Kettles', '', '## Descaling', '', 'Vinegar dissolves the scale in an hour.', ''].join('\n')
  const slide = (title: string, body: string, kind = 'content'): string => `---\nkind: ${kind}\nsource: "note.md:3-5"\n---\n\n# ${title}\n\n${body}\n`

  it('in a bullet, counted as a flagged item', () => {
    const report = lintDeck(slide('Descaling', '- Vinegar dissolves the \\[\\[scale\\]\\] in an hour'), note, 'note.md')
    expect(report.findings).toContainEqual(expect.objectContaining({ slide: 1, rule: 'raw-markup', text: 'Vinegar dissolves the [[scale]] in an hour' }))
    expect(report.flagged).toBe(1)
  })

  it('in a title, on any slide the audience sees', () => {
    const report = lintDeck(slide('\\:warning\\: Descaling', 'Descaling', 'section'), note, 'note.md')
    expect(report.findings).toEqual([expect.objectContaining({ slide: 1, rule: 'raw-markup', text: ':warning: Descaling' })])
  })

  it('in a heading under the title', () => {
    const report = lintDeck(slide('Descaling', '## With \\=\\=vinegar\\=\\=\n\n- Vinegar dissolves the scale in an hour'), note, 'note.md')
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'raw-markup', text: 'With ==vinegar==' })])
  })

  it('not in code spans, where the characters are meant', () => {
    const report = lintDeck(slide('Descaling', '- Vinegar dissolves the scale in an hour: run `descale **now**`'), note, 'note.md')
    expect(report.findings.map((f) => f.rule)).not.toContain('raw-markup')
  })

  it('and a content slide title over the longest a slide shows', () => {
    const long = 'Descaling '.repeat(Math.ceil(TITLE_MAX_CHARS / 10) + 1).trim()
    const report = lintDeck(slide(`${long} <sup class="lectern-part">1/2</sup>`, '- Vinegar dissolves the scale in an hour'), note, 'note.md')
    expect(report.findings).toContainEqual(expect.objectContaining({ rule: 'long-title', text: long }))
    expect(lintDeck(slide('Descaling <sup class="lectern-part">1/2</sup>', '- Vinegar dissolves the scale in an hour'), note, 'note.md').findings).toEqual([])
  })
})

describe('long titles', () => {
  it.each([
    [
      'a purpose clause',
      'Measure the water level in both the main tank and the spare tank every morning to make sure that neither runs dry',
      'Measure the water level in both the main tank and the spare tank every morning',
    ],
    [
      'a subordinate clause',
      'Drain the boiler completely before the first frost of the winter season because frozen pipes burst easily',
      'Drain the boiler completely before the first frost of the winter season',
    ],
  ])('are cut to their main clause before %s', (_label, title, short) => {
    expect(title.length).toBeGreaterThan(TITLE_MAX_CHARS)
    expect(mainClause(title)).toBe(short)
    expect(shortTitle(title)).toBe(short)
  })

  it.each([
    ['a short title with a purpose clause', 'Bleed the radiator to let the air out'],
    ['a long title with no clause to drop', 'The Slow and Careful Restoration of Old Cast Iron Radiators versus the Quick Replacement With New Panels'],
  ])('keep %s as written', (_label, title) => {
    expect(mainClause(title)).toBe(title)
  })

  it('keep the whole title in the speaker notes when the slide shows its main clause', () => {
    const heading = 'Check the pressure gauge of the heating system every single week of the year to make sure that it stays green'
    const note = ['# Heating', '', `## ${heading}`, '', 'The needle should point between one and two bar.', '', '## Radiators', '', 'Bleed them each autumn.', ''].join('\n')
    const deck = deckOf(note)
    const slide = deck.slides.find((s) => s.title.startsWith('Check the pressure gauge'))
    expect(slide?.title).toBe('Check the pressure gauge of the heating system every single week of the year')
    expect(slide?.notes).toContain(heading)
  })
})

describe('inline HTML around text', () => {
  it('shows the text without the tags, and keeps the tags in the notes', () => {
    const note = ['# Ovens', '', '## Heat', '', 'The <span style="color:red">top element</span> heats first.', '', 'Replace <oven-model> with the model on the door.', ''].join('\n')
    const deck = deckOf(note)
    const slides = onSlides(deck.markdown)
    expect(slides).toContain('The top element heats first')
    expect(slides).not.toContain('span')
    // A lone placeholder is the author's text.
    expect(slides).toContain('\\<oven-model\\>')
    expect(sentenceCoverage(note, deck.markdown).missing).toEqual([])
  })
})
