import type { Diagram } from '../types.js'

/** Longest label a node shows (a step keeps its complement: up to 100 characters and its number); longer ones end with "…". */
const MAX_LABEL = 110
/** Characters per line inside a node: longer labels wrap (Mermaid does not wrap quoted labels). */
const LINE_CHARS = 20

/**
 * A node label as Mermaid text inside `["…"]`: quotes, angle brackets, `#`, `&` and `;` become
 * Mermaid entity codes, so any text (`-->`, brackets, unicode) gives valid Mermaid and no HTML.
 */
export function mermaidLabel(text: string): string {
  let clean = text.replace(/\s+/g, ' ').replace(/`/g, '').trim()
  if ([...clean].length > MAX_LABEL) clean = [...clean].slice(0, MAX_LABEL - 1).join('').trimEnd() + '…'
  const lines: string[] = []
  for (const word of clean.split(' ')) {
    const last = lines[lines.length - 1]
    if (last !== undefined && last.length + 1 + word.length <= LINE_CHARS) lines[lines.length - 1] = `${last} ${word}`
    else lines.push(word)
  }
  const escape = (line: string): string => line.replace(/[#&"<>;|\\{}[\]()]/g, (char) => `#${char.codePointAt(0)};`)
  // <br/> is ours, added after escaping: Mermaid's strict mode allows it and nothing else.
  return `"${lines.map(escape).join('<br/>') || ' '}"`
}

/** Print a diagram as Mermaid source. */
export function mermaidFor(diagram: Diagram): string {
  switch (diagram.kind) {
    case 'chain': {
      const lines = ['flowchart LR']
      diagram.nodes.forEach((node, i) => lines.push(`  n${i}[${mermaidLabel(node)}]`))
      diagram.labels.forEach((label, i) => {
        const edge = label ? ` -->|${mermaidLabel(label)}| ` : ' --> '
        lines.push(`  n${i}${edge}n${i + 1}`)
      })
      // The way back, dashed: from the last node through the chain to the node it reaches (a new one when not in the chain).
      if (diagram.returns) {
        const target = diagram.returns.to ? diagram.nodes.indexOf(diagram.returns.to) : 0
        const stop = target >= 0 ? target : 0
        const steps: Array<[string, string]> = []
        for (let i = diagram.nodes.length - 1; i > stop; i--) steps.push([`n${i}`, `n${i - 1}`])
        if (target < 0) {
          // The node it reaches stands before the chain's first (an invisible link ranks it there).
          lines.splice(1, 0, `  r[${mermaidLabel(diagram.returns.to!)}]`)
          lines.push('  r ~~~ n0')
          steps.push(['n0', 'r'])
        }
        steps.forEach(([from, to], i) => lines.push(`  ${from} -.->${i === 0 ? `|${mermaidLabel(diagram.returns!.label)}|` : ''} ${to}`))
      }
      return lines.join('\n')
    }
    case 'layers': {
      const lines = ['block-beta', '  columns 1']
      diagram.layers.forEach((layer, i) => lines.push(`  l${i}[${mermaidLabel(layer)}]`))
      return lines.join('\n')
    }
    case 'groups': {
      // A grid: one column per group, its name on top, its parts below. (Flowchart subgraphs
      // lay out unpredictably; block diagrams keep rows and columns.)
      const lines = ['block-beta', `  columns ${diagram.groups.length}`]
      diagram.groups.forEach((group, g) => {
        lines.push(`  block:g${g}`, '    columns 1', `    g${g}h[${mermaidLabel(group.name)}]`)
        group.nodes.forEach((node, n) => lines.push(`    g${g}n${n}[${mermaidLabel(node)}]`))
        lines.push('  end')
      })
      lines.push('  classDef head fill:#c2410c,color:#ffffff,stroke:#c2410c')
      lines.push(`  class ${diagram.groups.map((_, g) => `g${g}h`).join(',')} head`)
      return lines.join('\n')
    }
    case 'steps': {
      const lines = ['flowchart LR']
      diagram.steps.forEach((step, i) => lines.push(`  s${i}[${mermaidLabel(`${diagram.start + i}. ${step}`)}]`))
      for (let i = 1; i < diagram.steps.length; i++) lines.push(`  s${i - 1} --> s${i}`)
      return lines.join('\n')
    }
    case 'cycle': {
      // A ring: the stages in order, the last one pointing back to the first.
      const lines = ['flowchart LR']
      diagram.steps.forEach((step, i) => lines.push(`  c${i}[${mermaidLabel(step)}]`))
      diagram.steps.forEach((_, i) => lines.push(`  c${i} --> c${(i + 1) % diagram.steps.length}`))
      return lines.join('\n')
    }
    case 'nested': {
      // Boxes inside boxes: each level a subgraph titled by its name, the innermost a plain node.
      const depth = diagram.levels.length - 1
      const lines = ['flowchart TB']
      diagram.levels.slice(0, depth).forEach((level, i) => lines.push(`${'  '.repeat(i + 1)}subgraph h${i}[${mermaidLabel(level)}]`))
      lines.push(`${'  '.repeat(depth + 1)}h${depth}[${mermaidLabel(diagram.levels[depth])}]`)
      for (let i = depth - 1; i >= 0; i--) lines.push(`${'  '.repeat(i + 1)}end`)
      return lines.join('\n')
    }
    case 'tree': {
      const lines = ['flowchart LR', `  root[${mermaidLabel(diagram.root)}]`]
      diagram.children.forEach((child, i) => lines.push(`  root --> c${i}[${mermaidLabel(child)}]`))
      return lines.join('\n')
    }
  }
}
