import { describe, expect, it } from 'vitest'
import { stepLabel } from '../src/plan/diagrams/structure.js'
import { mermaidFor } from '../src/emit/mermaid.js'
import { deckOf } from './helpers.js'

/** The diagrams a deck draws, in order. */
function diagramsOf(note: string) {
  return deckOf(note).slides.flatMap((slide) => slide.body).flatMap((block) => (block.type === 'diagram' ? [block.diagram] : []))
}

describe('a step label keeps what its verb acts on (issue #12, item 2)', () => {
  it.each([
    ['law', 'The committee replies with a written list of amendments to the sponsor within ten days of the hearing', 'The committee replies with a written list of amendments'],
    ['storage', 'The index server answers with a ranked list of mirror hosts to the caller based on distance', 'The index server answers with a ranked list of mirror hosts'],
    ['biology', 'The seed germinates in the warm soil after the first heavy rains of the spring season arrive', 'The seed germinates in the warm soil'],
  ])('shortens a long step by whole phrases, never to a bare verb (%s)', (_, sentence, label) => {
    expect(stepLabel(sentence)).toBe(label)
  })

  it('draws the complement of a long step in the flowchart, wrapped, not cut', () => {
    const diagrams = diagramsOf(
      '# T\n\n## How an appeal is filed\n\n1. The appellant sends a notice of appeal to the registry\n2. The registry responds with a hearing date, a panel of judges and a filing deadline to the appellant based on the court calendar\n3. The appellant files the written brief before the deadline\n',
    )
    expect(diagrams[0]?.kind).toBe('steps')
    const source = mermaidFor(diagrams[0]!)
    expect(source).toContain('hearing date')
    expect(source).toContain('filing deadline')
    expect(source).not.toContain('…')
  })
})
