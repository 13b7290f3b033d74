import { describe, expect, it } from 'vitest'
import { findChain, sameEntity } from '../src/plan/diagrams/chain.js'
import { deckOf } from './helpers.js'
import { mermaidFor, mermaidLabel } from '../src/emit/mermaid.js'

describe('findChain', () => {
  it.each([
    [
      'The docker CLI talks to the Docker daemon (dockerd) over a REST API. The daemon handles images, then hands work to containerd, which uses runc to start the container process.',
      ['docker CLI', 'Docker daemon (dockerd)', 'containerd', 'runc'],
    ],
    ['Docker Engine uses containerd to manage containers. At the core of containerd is runC, the reference runtime.', ['Docker Engine', 'containerd', 'runC']],
    ['A request goes client → API server → etcd.', ['client', 'API server', 'etcd']],
  ])('finds the chain in %j', (text, nodes) => {
    expect(findChain(text)?.nodes).toEqual(nodes)
  })

  it.each([
    ['Kubernetes uses a control plane. It is nice.'],
    ['Containers are fast because they share the kernel with the host system and start quickly.'],
    ['The scheduler uses many signals, which include resource requests and affinity rules of every pod in the cluster.'],
  ])('prefers no diagram to a wrong one for %j', (text) => {
    expect(findChain(text)).toBeUndefined()
  })

  it.each([
    ['daemon', 'Docker daemon (dockerd)', true],
    ['containerd', 'runc', false],
  ])('sameEntity(%j, %j) is %j', (a, b, expected) => {
    expect(sameEntity(a, b)).toBe(expected)
  })
})

function diagramsOf(text: string) {
  return deckOf(text)
    .slides.flatMap((slide) => slide.body)
    .flatMap((block) => (block.type === 'diagram' ? [block.diagram] : []))
}

describe('diagrams from structure', () => {
  it('draws "has four layers" and its list as a stack, top layer first', () => {
    const diagrams = diagramsOf('# T\n\n## Host\n\nA container host has four layers, from the bottom up:\n\n- Hardware\n- Host OS\n- Container engine\n- Applications\n')
    expect(diagrams).toEqual([{ kind: 'layers', layers: ['Applications', 'Container engine', 'Host OS', 'Hardware'] }])
  })

  it('reads layers listed inline, in the note\'s order when it gives none', () => {
    const diagrams = diagramsOf('# T\n\n## Stack\n\nThe stack has 4 layers: hardware, OS, container engine and application.\n')
    expect(diagrams[0]).toEqual({ kind: 'layers', layers: ['hardware', 'OS', 'container engine', 'application'] })
  })

  it('does not draw layers when the count does not match the list', () => {
    expect(diagramsOf('# T\n\n## Host\n\nThere are three layers:\n\n- a\n- b\n- c\n- d\n')).toEqual([])
  })

  it('draws numbered steps of a process as a flowchart, four per slide', () => {
    const steps = Array.from({ length: 6 }, (_, i) => `${i + 1}. Step number ${i + 1} happens`).join('\n')
    const diagrams = diagramsOf(`# T\n\n## What happens when you deploy\n\n${steps}\n`)
    expect(diagrams.map((d) => d.kind)).toEqual(['steps', 'steps'])
    expect(diagrams.map((d) => (d.kind === 'steps' ? d.steps.length : 0))).toEqual([3, 3])
  })

  it('leaves an ordered list alone when nothing says it is a process', () => {
    expect(diagramsOf('# T\n\n## Favourite tools\n\n1. vim\n2. tmux\n3. git\n')).toEqual([])
  })

  it('draws roles with their components as groups', () => {
    const diagrams = diagramsOf('# T\n\n## Architecture\n\n### Control plane components\n\n- **apiserver**: front door\n- **etcd**: store\n\n### Worker node components\n\n- **kubelet**: agent\n- **kube-proxy**: network\n')
    expect(diagrams).toEqual([
      { kind: 'groups', groups: [{ name: 'Control plane', nodes: ['apiserver', 'etcd'] }, { name: 'Worker node', nodes: ['kubelet', 'kube-proxy'] }] },
    ])
  })

  it('draws no tree from a list of headings that state no relation', () => {
    const diagrams = diagramsOf('# T\n\n## Kubernetes objects\n\nEverything is an object.\n\n### Pods\n\na\n\n### Services\n\nb\n\n### Volumes\n\nc\n')
    expect(diagrams).toEqual([])
  })

  it('keeps the text a diagram was drawn from in its notes', () => {
    const deck = deckOf('# T\n\n## Path\n\nThe CLI talks to the daemon, which hands work to containerd, which uses runc to start it.\n')
    const slide = deck.slides.find((s) => s.kind === 'diagram')
    expect(slide?.notes).toContain('The CLI talks to the daemon, which hands work to containerd, which uses runc to start it.')
  })

  it('draws nothing when the note turns diagrams off', () => {
    const text = '---\ndiagrams: false\n---\n# T\n\n## Path\n\nThe CLI talks to the daemon, which hands work to containerd, which uses runc.\n'
    expect(diagramsOf(text)).toEqual([])
  })

  it('passes an authored mermaid block through unchanged', () => {
    const source = 'graph LR\n  A["x"] --> B'
    const deck = deckOf(`# T\n\n## D\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`)
    expect(deck.markdown).toContain('```mermaid\n' + source + '\n```')
  })
})

describe('Mermaid labels', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say #34;hi#34;"'],
    ['a --> b', '"a --#62; b"'],
    ['[x] (y) {z}', '"#91;x#93; #40;y#41; #123;z#125;"'],
    ['<script>', '"#60;script#62;"'],
    ['naïve 容器 😀', '"naïve 容器 😀"'],
  ])('escapes %j', (input, expected) => {
    expect(mermaidLabel(input)).toBe(expected)
  })

  it('wraps long labels over several lines', () => {
    expect(mermaidLabel('one two three four five six seven eight')).toContain('<br/>')
  })

  it('prints a chain as a left-to-right flowchart', () => {
    expect(mermaidFor({ kind: 'chain', nodes: ['a', 'b', 'c'], labels: ['uses', ''] })).toBe(
      'flowchart LR\n  n0["a"]\n  n1["b"]\n  n2["c"]\n  n0 -->|"uses"| n1\n  n1 --> n2',
    )
  })
})
