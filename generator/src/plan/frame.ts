import type { RootContent } from 'mdast'
import type { Outline, PlanOptions, SlideBlock, SlidePlan } from '../types.js'
import { countWords, runsText, toRuns } from '../text.js'
import { splitSentences } from './condense.js'

/** The cover: title, subtitle (frontmatter, a differing `#` heading, or a short first sentence), byline. */
export function coverSlide(outline: Outline): SlidePlan {
  const { meta } = outline
  const body: SlideBlock[] = [{ type: 'heading', runs: [{ text: outline.title }] }]
  // A `#` heading that differs from the frontmatter title reads as the subtitle (and is never lost).
  const subtitle = meta.subtitle ?? outline.headingTitle ?? firstSentence(outline.preamble)
  if (subtitle) body.push({ type: 'paragraph', runs: [{ text: subtitle }] })
  const byline = [meta.author, meta.date].filter(Boolean).join(' · ')
  if (byline) body.push({ type: 'paragraph', runs: [{ text: byline }] })
  const heading = outline.headingTitle && outline.headingTitle !== subtitle ? outline.headingTitle : undefined
  const notes = [outline.title, subtitle, heading, byline].filter(Boolean).join('\n\n')
  return { kind: 'cover', layout: 'cover', title: outline.title, body, notes, lines: { start: 1, end: 1 } }
}

function firstSentence(blocks: RootContent[]): string | undefined {
  const paragraph = blocks.find((block) => block.type === 'paragraph')
  if (!paragraph || paragraph.type !== 'paragraph') return undefined
  const first = splitSentences(toRuns(paragraph.children))[0]
  const text = first ? runsText(first) : ''
  return text && countWords(text) <= 25 ? text : undefined
}

/** The agenda: the top-level sections, numbered, in one or two columns per slide. */
export function agendaSlides(outline: Outline, options: PlanOptions): SlidePlan[] {
  if (outline.sections.length < 2) return []
  const titles = agendaTitles(outline.sections.map((section) => section.title))
  // Up to twice the line budget fits in two columns; longer agendas continue on another slide.
  const perSlide = Math.max(1, options.budget.lines * 2)
  const slides: SlidePlan[] = []
  for (let i = 0; i < titles.length; i += perSlide) {
    const part = titles.slice(i, i + perSlide)
    slides.push({
      kind: 'agenda',
      layout: 'default',
      title: i === 0 ? 'Agenda' : 'Agenda (cont.)',
      body: [
        {
          type: 'bullets',
          ordered: true,
          start: i + 1,
          columns: part.length > options.budget.lines ? 2 : 1,
          items: part.map((text) => ({ runs: [{ text }], children: [] })),
        },
      ],
      notes: `The talk has ${titles.length} parts: ${outline.sections.map((section) => section.title).join('; ')}.`,
      lines: { start: 1, end: outline.lineCount },
    })
  }
  return slides
}

/** A title's own number ("3. Causes", "2- Ranking", "4) Trade"): the agenda's list numbers it already. */
const OWN_NUMBER = /^(\d+)\s*[.):-]\s+(?=\S)/u

/**
 * The agenda's item texts: when the sections number themselves 1, 2, 3 … in their places, that number
 * goes (the numbered list shows it), so the agenda does not read "1. 1. What is …"; a closing
 * colon goes too.
 * Note: the full titles stay in the agenda's notes.
 */
export function agendaTitles(titles: string[]): string[] {
  // Sections may number themselves while others do not ("1. …", "2. …", "Further questions").
  const numbers = titles.map((title) => OWN_NUMBER.exec(title)?.[1])
  const numbered = numbers.filter(Boolean).length >= 2 && numbers.every((number, i) => number === undefined || Number(number) === i + 1)
  // A heading that leads in ("Local Mode:") is a plain item here.
  return titles.map((title) => (numbered ? title.replace(OWN_NUMBER, '') : title).replace(/(?<=\S)\s*[:：]\s*$/u, ''))
}

/** The closing slide. */
export function endSlide(outline: Outline): SlidePlan {
  return {
    kind: 'end',
    layout: 'end',
    title: 'Questions?',
    body: [
      { type: 'heading', runs: [{ text: 'Questions?' }] },
      { type: 'paragraph', runs: [{ text: outline.title }] },
    ],
    notes: `End of the talk "${outline.title}". Thank the audience and take questions.`,
    lines: { start: outline.lineCount, end: outline.lineCount },
  }
}
