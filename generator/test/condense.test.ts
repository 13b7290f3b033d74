import { describe, expect, it } from 'vitest'
import { BULLET_WORDS, condenseItems, condenseParagraph, definitionOf, gist, shortenSentence, splitSentences } from '../src/plan/condense.js'
import { announces } from '../src/plan/point.js'
import { deckOf } from './helpers.js'
import { aspectKey } from '../src/plan/compare.js'
import { countWords, runsText } from '../src/text.js'
import type { Run } from '../src/types.js'

const text = (runs: Run[]): string => runsText(runs)

describe('shortenSentence', () => {
  it.each([
    ['Short and sweet.', 'Short and sweet'],
    ['However, the kernel is shared by every container on the host.', 'However, the kernel is shared by every container on the host'],
    [
      'In practice, the engine (dockerd, in most setups) listens on a Unix socket for requests that the command-line client sends to it.',
      'The engine listens on a Unix socket for requests that the command-line client sends to it',
    ],
    [
      'A virtual machine pretends to be a whole computer, while a container pretends to be a whole operating system for one process.',
      'A virtual machine pretends to be a whole computer, while a container pretends to be a whole operating system for one process',
    ],
  ])('shortens %j to a whole thought', (input, expected) => {
    expect(text(shortenSentence([{ text: input }]))).toBe(expected)
  })

  it('never adds an ellipsis, however long the sentence', () => {
    const long = 'word '.repeat(40).trim()
    expect(text(shortenSentence([{ text: long }], 14))).toBe(long)
  })
})

describe('splitSentences', () => {
  it('does not end a sentence inside a code span', () => {
    const parts = splitSentences([
      { text: 'Run ' },
      { text: "docker inspect --format '{{.State.Status}}'", code: true },
      { text: ' to see it. Then stop.' },
    ])
    expect(parts.map(text)).toEqual(["Run docker inspect --format '{{.State.Status}}' to see it.", 'Then stop.'])
  })
})

describe('condenseParagraph', () => {
  const paragraph =
    'A single server has far more CPU than one program needs. Sharing it between workloads fixes the waste. ' +
    'But programs must not read each other’s files. For example, a crashing job should not take others down. ' +
    'This is why we **isolate** workloads from each other. Two techniques do that today.'

  it('shows the topic sentence first and the marked sentence with what it leans on, never the example', () => {
    const bullets = condenseParagraph([{ text: paragraph.split('**')[0] }, { text: 'isolate', strong: true }, { text: paragraph.split('**')[2] }]).map(text)
    expect(bullets).toEqual([
      'A single server has far more CPU than one program needs',
      'Sharing it between workloads fixes the waste',
      'But programs must not read each other’s files',
      'This is why we isolate workloads from each other',
    ])
    for (const bullet of bullets) expect(countWords(bullet)).toBeLessThanOrEqual(16)
  })

  it('prefers the sentence with the bold term', () => {
    const bullets = condenseParagraph([{ text: paragraph.split('**')[0] }, { text: 'isolate', strong: true }, { text: paragraph.split('**')[2] }])
    expect(bullets.some((bullet) => bullet.some((run) => run.strong && run.text === 'isolate'))).toBe(true)
  })

  it('keeps a one-sentence paragraph as one bullet', () => {
    expect(condenseParagraph([{ text: 'Containers share the host kernel.' }])).toHaveLength(1)
  })

  it('splits CJK sentences with the segmenter', () => {
    const bullets = condenseParagraph([{ text: '容器共享主机内核。虚拟机有自己的内核。这使容器启动更快。镜像是只读模板。它们可以分层。' }])
    expect(text(bullets[0])).toBe('容器共享主机内核。'.replace('。', ''))
  })
})

describe('definitionOf', () => {
  it.each([
    [[{ text: 'Host', strong: true }, { text: ': the real machine.' }], 'Host', 'the real machine.'],
    [[{ text: 'Host:', strong: true }, { text: ' the real machine.' }], 'Host', 'the real machine.'],
    [[{ text: 'Sandboxed runtime: a runtime with an extra layer.' }], 'Sandboxed runtime', 'a runtime with an extra layer.'],
    [[{ text: 'Pod', strong: true }, { text: ' — the smallest unit.' }], 'Pod', 'the smallest unit.'],
  ])('reads a definition from %j', (runs, term, explanation) => {
    const definition = definitionOf(runs as Run[])
    expect(definition && text(definition.term)).toBe(term)
    expect(definition && text(definition.explanation)).toBe(explanation)
  })

  it.each([
    [[{ text: 'See https://example.com for more.' }]],
    [[{ text: 'this sentence has a colon: but starts lower case' }]],
    [[{ text: 'A rather long lead that is not a term at all: text' }]],
    [[{ text: 'Bold', strong: true }, { text: ' text without a separator' }]],
  ])('does not take %j for a definition', (runs) => {
    expect(definitionOf(runs as Run[])).toBeUndefined()
  })
})

describe('gist', () => {
  it.each([
    ['strong; each guest has its own kernel, so an attacker must escape through the hypervisor.', 5, 'strong'],
    ['tens of seconds to minutes, because a whole operating system has to boot.', 8, 'tens of seconds to minutes'],
    [
      'a packaged, read-only template from which a VM disk or a container filesystem is created.',
      7,
      'a packaged, read-only template from which a VM disk or a container filesystem is created',
    ],
  ])('gives the gist of %j', (input, max, expected) => {
    expect(text(gist([{ text: input }], max))).toBe(expected)
  })
})

describe('aspectKey (aspects matched by their words, not by synonym lists)', () => {
  it.each([
    ['Resource usage', 'resource usages'],
    ['Use cases', 'use case'],
    ['Main shifters', 'main shifter'],
  ])('%j ≈ %j', (a, b) => {
    expect(aspectKey(a)).toBe(aspectKey(b))
  })

  it.each([
    ['Startup time', 'Performance'],
    ['Resource usage', 'Overhead'],
  ])('%j ≠ %j', (a, b) => {
    expect(aspectKey(a)).not.toBe(aspectKey(b))
  })
})

describe('a sentence that only announces shows with what it announces', () => {
  const shown = (paragraph: string): string[] => condenseItems([{ text: paragraph }], BULLET_WORDS, { alone: true }).flatMap((item) => [item.runs, ...item.children.map((child) => child.runs)]).map(text)

  it.each([
    [
      '"not the only" with the others in the next sentence (history)',
      'Merchants in that age traded salt, cloth and spices across the whole inland sea. In the twelfth century Venice was the only great sea power of the region. However, Venice was not the only rich trading city. Genoa and Pisa had fleets of their own, and Genoa had also won most of the trade of the western coast for its merchants.',
      'Genoa and Pisa had fleets of their own',
    ],
    [
      '"is different" with the how in the next sentence (law)',
      'A case may pass through three courts before a final judgment is given. The rules of evidence in each court are different in comparison. The first court hears witnesses, while the higher courts read only the written record of the trial below them. Lawyers must plan for every court from the start of the case.',
      'The first court hears witnesses',
    ],
  ])('%s', (_label, paragraph, expected) => {
    const bullets = shown(paragraph)
    const announcer = bullets.findIndex((bullet) => /not the only|different in comparison/.test(bullet))
    expect(announcer).toBeGreaterThanOrEqual(0)
    expect(bullets[announcer + 1]).toContain(expected)
  })

  it.each([
    ['Cells of the gut are not only small but also very short-lived, and the lining renews itself every few days.', false],
    ['Each court is different from the court below it in how it hears a case.', false],
    ['However, the old port was not the only harbour on that coast.', true],
  ])('reads %j as announcing: %s', (sentence, expected) => {
    expect(announces(sentence)).toBe(expected)
  })
})

describe('a list item split over slides keeps an announcing sub-bullet with what it announces', () => {
  it('moves "… are different in comparison" to the part that says how (law)', () => {
    const note = [
      '# Courts',
      '',
      '## Appeals',
      '',
      '1. Appeals give a case a **second hearing** before a higher court',
      '   - In most countries a party has one month to file the appeal after the first judgment',
      '   - A case may pass through up to three courts before the judgment becomes final',
      '   - The rules of evidence in each court are different in comparison',
      '   - The first court hears witnesses, while the higher courts read only the written record of the trial',
      '   - Meaning, new evidence can rarely be brought in once the case has left the first court',
      '',
    ].join('\n')
    const slides = deckOf(note).slides.filter((slide) => slide.body.some((block) => block.type === 'bullets'))
    const lines = slides.map((slide) => slide.body.flatMap((block) => (block.type === 'bullets' ? block.items.flatMap((item) => item.children.map((child) => text(child.runs))) : [])))
    const announcing = lines.find((shown) => shown.some((line) => /different in comparison/.test(line)))!
    expect(announcing).toBeDefined()
    expect(announcing[announcing.length - 1]).not.toMatch(/different in comparison/)
  })
})
