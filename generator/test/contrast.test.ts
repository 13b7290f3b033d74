import { describe, expect, it } from 'vitest'
import { contrastOf, headingPair, subjectName } from '../src/plan/contrast.js'
import { deckOf } from './helpers.js'

describe('contrastOf', () => {
  it.each([
    ['Containers emulate an OS, whereas VMs emulate hardware.', { Containers: 'emulate an OS', 'Virtual machines': 'emulate hardware' }],
    ['A VM needs its own kernel, while a container uses the host kernel.', { 'Virtual machines': 'needs its own kernel', Containers: 'uses the host kernel' }],
    ['Unlike virtual machines, containers share the host kernel.', { Containers: 'share the host kernel', 'Virtual machines': '—' }],
    ['Containers start faster than VMs.', { Containers: 'start faster', 'Virtual machines': '—' }],
    ['Containers require less memory space compared to VMs', { Containers: 'require less memory space', 'Virtual machines': '—' }],
  ])('reads %j', (sentence, expected) => {
    expect(Object.fromEntries(contrastOf(sentence)?.cells ?? [])).toEqual(expected)
  })

  it.each([['This is nice, whereas that is bad.'], ['Containers are fast.'], ['It runs while you wait.']])('finds no contrast in %j', (sentence) => {
    expect(contrastOf(sentence)).toBeUndefined()
  })
})

describe('headingPair and subjectName', () => {
  it.each([
    ['Virtual machines vs containers', ['Virtual machines', 'Containers']],
    ['Difference Between Git and GitHub', ['Git', 'GitHub']],
    ['Comparing VMs and containers', ['Virtual machines', 'Containers']],
  ])('reads the pair in %j', (title, pair) => {
    expect(headingPair(title)).toEqual(pair)
  })

  it('maps VM, VMs and virtual machines to one subject', () => {
    expect(new Set(['VM', 'VMs', 'virtual machines', 'a virtual machine'].map(subjectName))).toEqual(new Set(['Virtual machines']))
  })
})

describe('contrast tables', () => {
  it('turns contrasting bullets into a table with a column per subject', () => {
    const deck = deckOf('# T\n\n## Containers and VMs\n\n- Containers emulate an OS, whereas VMs emulate hardware\n- Containers start in milliseconds, whereas VMs start in minutes\n- Containers are lighter than VMs\n')
    const slide = deck.slides.find((s) => s.kind === 'comparison')
    const block = slide?.body[0]
    expect(block?.type === 'comparison' && block.subjects).toEqual(['Containers', 'Virtual machines'])
    expect(block?.type === 'comparison' && block.rows.length).toBe(3)
    expect(slide?.notes).toContain('Containers emulate an OS, whereas VMs emulate hardware')
  })

  it('turns a prose "A vs B" section into a table', () => {
    const deck = deckOf('# T\n\n## Tools\n\n### Git vs GitHub\n\nGit is a version control system. GitHub is a hosting service for repositories.\n')
    const block = deck.slides.find((s) => s.kind === 'comparison')?.body[0]
    expect(block?.type === 'comparison' && block.rows[0].cells.map((c) => c.map((r) => r.text).join(''))).toEqual(['is a version control system', 'is a hosting service for repositories'])
  })

  it('pairs prose about virtual machines and containers into a table, with no heading naming them', () => {
    const prose = [
      'Virtual machines include a whole guest operating system. VMs take a minute or more to boot.',
      'Containers, by contrast, share the kernel of the host. Containers start in well under a second.',
    ].join('\n\n')
    const deck = deckOf(`# T\n\n## Two ways to isolate\n\n${prose}\n`)
    const block = deck.slides.find((s) => s.kind === 'comparison')?.body[0]
    expect(block?.type === 'comparison' && block.subjects).toEqual(['Virtual machines', 'Containers'])
    expect(block?.type === 'comparison' && block.rows.length).toBe(2)
  })

  it('does not set unrelated subjects against each other', () => {
    const deck = deckOf('# T\n\n## Docker\n\nContainers run processes. Containers share a kernel. Images are layered. Images are read-only.\n')
    expect(deck.slides.some((s) => s.kind === 'comparison')).toBe(false)
  })

  it('makes no table from a single contrast', () => {
    const deck = deckOf('# T\n\n## One\n\nContainers emulate an OS, whereas VMs emulate hardware.\n\nThat is all.\n')
    expect(deck.slides.some((s) => s.kind === 'comparison')).toBe(false)
  })
})
