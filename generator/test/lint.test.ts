import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { itemProblems, lintDeck } from '../src/lint.js'

const source = (text: string, line = 3) => [{ text, line }]

describe('itemProblems', () => {
  it.each([
    ['an added ellipsis', 'The treaty bound each power to defend…', 'The treaty bound each power to defend its neighbour against attack.', ['ellipsis']],
    ['a lone subordinate clause', 'Because enzymes lower the activation energy', 'Because enzymes lower the activation energy, reactions run faster at body heat.', ['subordinate']],
    ['a dangling last word', 'Demand falls when the price of', 'Demand falls when the price of a good rises.', ['dangling-end']],
    ['a cut inside an enumeration', 'A cell needs water', 'A cell needs water, glucose and oxygen to respire.', ['open-enumeration']],
    ['an open parenthesis', 'Inflation rose (mostly in energy', 'Inflation rose (mostly in energy) during the winter.', ['open-parenthesis']],
    ['a lost number', 'Demand is elastic if the elasticity is large', 'Demand is elastic if the elasticity is greater than 1.', ['lost-number']],
  ])('names %s', (_label, item, sentence, rules) => {
    expect(itemProblems(item, source(sentence)).map((p) => p.rule)).toEqual(rules)
  })

  it.each([
    ['a whole sentence', 'Reactions run faster at body heat.', 'Because enzymes lower the activation energy, reactions run faster at body heat.'],
    ['the note’s own wording', 'If the court agrees', 'If the court agrees'],
    ['an ellipsis the author wrote', 'And so on…', 'And so on…'],
    ['a main clause with its numbers', 'Prices rose 3% in 2022', 'Prices rose 3% in 2022, as energy costs climbed.'],
  ])('accepts %s', (_label, item, sentence) => {
    expect(itemProblems(item, source(sentence))).toEqual([])
  })

  it.each([
    ['a relative clause left out whole (networking)', 'The body holds the data sent back to the client', 'The body holds the data sent back to the client, which could be the page or an error message.'],
    ['an example list left out whole (biology)', 'Bees also rest at night much like small mammals', 'Bees also rest at night much like small mammals, including slack muscles and a state they wake from.'],
  ])('accepts %s, not as a cut list', (_label, item, sentence) => {
    expect(itemProblems(item, source(sentence))).toEqual([])
  })

  it('accepts a lead-in the author left without its colon, as the note ends it (medicine)', () => {
    const note = [
      { text: 'Fever is a raised body temperature.', line: 4 },
      { text: 'It is often accompanied by', line: 4 },
    ]
    expect(itemProblems('Fever is a raised body temperature. It is often accompanied by', note)).toEqual([])
  })
})

describe('lintDeck reads table labels as labels', () => {
  it('does not name a row label such as "Caused by" as a dangling end (medicine)', () => {
    const note = ['# Injury', '', '- Mild injury', '\t- Caused by a short loss of oxygen', '- Severe injury', '\t- Caused by a long loss of oxygen', ''].join('\n')
    const deck = `---\nkind: content\nsource: "note.md:3-6"\n---\n\n# Injury\n\n|  | Mild injury | Severe injury |\n| --- | --- | --- |\n| **Caused by** | a short loss of oxygen | a long loss of oxygen |\n`
    expect(lintDeck(deck, note, 'note.md').findings).toEqual([])
  })
})

describe('lintDeck', () => {
  const note = ['# Trade', '', '## Tariffs', '', 'A tariff raises the price of imports, which protects home producers.', '', 'Listed below:', '', '- quotas', '- subsidies', ''].join('\n')
  const slide = (kind: string, title: string, source: string, body: string): string =>
    `---\nkind: ${kind}\nsource: "note.md:${source}"\n---\n\n# ${title}\n\n${body}\n`
  const deck = [
    slide('content', 'Prices', '5-5', '- A tariff raises the price of imports, which…'),
    slide('content', 'Tariffs', '7-7', 'Listed below:'),
    slide('content', 'Tariffs', '9-10', '- quotas\n- subsidies'),
  ].join('')

  it('names each cut bullet with its slide and note line', () => {
    const report = lintDeck(deck, note, 'note.md')
    expect(report.findings).toContainEqual(expect.objectContaining({ slide: 1, where: 'note.md:5', rule: 'ellipsis' }))
  })

  it('names a thin slide that only leads into the next', () => {
    const report = lintDeck(deck, note, 'note.md')
    expect(report.thinSlides).toBe(1)
    expect(report.findings).toContainEqual(expect.objectContaining({ slide: 2, rule: 'thin-slide' }))
  })

  it('counts every bullet it read', () => {
    expect(lintDeck(deck, note, 'note.md').items).toBe(4)
  })
})

describe('lintDeck on notes in other languages and with notes-only pieces', () => {
  const slide = (title: string, source: string, body: string): string => `---\nkind: content\nsource: "note.md:${source}"\n---\n\n# ${title}\n\n${body}\n`
  const rules = (deck: string, note: string): string[] => lintDeck(deck, note, 'note.md').findings.map((f) => f.rule)

  it('does not count a Logseq property the slide never shows as a lost number', () => {
    const note = ['- Satz: Rechenregeln', '\t- reference:: 4.2', '\t- Seien X und Y unabhängige Zufallsvariablen mit endlichem Erwartungswert', '\t- Dann ist der Erwartungswert des Produkts das Produkt der Erwartungswerte', ''].join('\n')
    const deck = slide('Satz', '1-4', '- Seien X und Y unabhängige Zufallsvariablen mit endlichem Erwartungswert\n- Dann ist der Erwartungswert des Produkts das Produkt der Erwartungswerte')
    expect(rules(deck, note)).not.toContain('lost-number')
  })

  it('names a German bullet that stops inside its sentence (only whole sentences are shown there)', () => {
    const note = ['# Verträge', '', 'Ein Vertrag kommt durch zwei übereinstimmende Willenserklärungen zustande, nämlich Angebot und Annahme.', '', 'Die Annahme muss rechtzeitig beim Anbieter eingehen.', ''].join('\n')
    const deck = slide('Verträge', '3-5', '- Ein Vertrag kommt durch zwei übereinstimmende Willenserklärungen zustande\n- Die Annahme muss rechtzeitig beim Anbieter eingehen')
    const report = lintDeck(deck, note, 'note.md')
    expect(report.findings).toEqual([expect.objectContaining({ slide: 1, where: 'note.md:3', rule: 'cut-sentence' })])
  })

  it('accepts a German label that its sentence goes on from with a colon', () => {
    const note = ['# Begriffe', '', '- Annahme: die Antwort auf ein Angebot, mit der ein Vertrag entsteht', ''].join('\n')
    const deck = slide('Begriffe', '3-3', '| Begriff | Bedeutung |\n| --- | --- |\n| Annahme | die Antwort auf ein Angebot, mit der ein Vertrag entsteht |')
    expect(rules(deck, note)).toEqual([])
  })
})

describe('lectern check --strict (real CLI)', () => {
  const bin = path.resolve(__dirname, '../bin/lectern.js')
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' })

  it('passes a built deck, then names a cut bullet with its note line and exits 1 only with --strict', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lectern-lint-'))
    mkdirSync(path.join(dir, 'notes'))
    writeFileSync(
      path.join(dir, 'notes', 'trade.md'),
      '# Trade\n\n## Tariffs\n\nA tariff is a tax on imports that raises their price at the border.\n',
    )
    expect(run(['build'], dir).status).toBe(0)
    const clean = run(['check', '--no-browser', '--strict', 'decks/trade'], dir)
    expect(clean.status).toBe(0)
    const slides = path.join(dir, 'decks', 'trade', 'slides.md')
    // A bullet cut the way the old planner did: a prefix ending in "…".
    const deck = readFileSync(slides, 'utf8').replace('- A tariff is a tax on imports that raises their price at the border', '- A tariff is a tax on imports that raises their…')
    writeFileSync(slides, deck)
    const loose = run(['check', '--no-browser', 'decks/trade'], dir)
    expect(loose.status).toBe(0)
    expect(loose.stdout).toMatch(/slide \d+ "Tariffs" \(notes\/trade\.md:5\): ellipsis: A tariff is a tax/)
    const strict = run(['check', '--no-browser', '--strict', 'decks/trade'], dir)
    expect(strict.status).toBe(1)
  })
})
