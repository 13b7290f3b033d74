import type { Html } from 'mdast'
import type { VFile } from 'vfile'
import { rangeOf, type Unit } from './unit.js'

/** `<!-- slide: break -->` → { name: 'slide', value: 'break' }; other comments → undefined. */
export function directiveOf(html: string): { name: string; value: string } | undefined {
  const match = /^\s*<!--\s*(slide|diagram|diagrams)\s*:\s*(.*?)\s*-->\s*$/i.exec(html)
  if (!match) return undefined
  return { name: match[1].toLowerCase().replace(/s$/, ''), value: match[2].toLowerCase().replace(/\s+/g, ' ') }
}

/** What a directive asks for: a unit (break, layout), skipping the next block, or diagrams on/off. */
export type DirectiveEffect = { unit: Unit } | { skipNext: true } | { diagrams: boolean } | { unknown: true }

/** Read a directive comment; an unknown one is a warning that lists the known ones. */
export function applyDirective(block: Html, directive: { name: string; value: string }, file: VFile): DirectiveEffect {
  const range = rangeOf(block)
  if (directive.name === 'slide' && directive.value === 'break') return { unit: { kind: 'break', range } }
  if (directive.name === 'slide' && directive.value === 'skip') return { skipNext: true }
  if (directive.name === 'slide' && /^layout\s+(two-cols|default)$/.test(directive.value)) {
    return { unit: { kind: 'layout', layout: directive.value.split(/\s+/)[1] as 'two-cols' | 'default', range } }
  }
  if (directive.name === 'diagram' && /^(off|on)$/.test(directive.value)) return { diagrams: directive.value === 'on' }
  file.message(`unknown directive \`${directive.name}: ${directive.value}\`; use slide: break, slide: skip, slide: layout two-cols, diagram: off or diagram: on`, {
    place: block.position,
    ruleId: 'directive',
    source: 'lectern',
  })
  return { unknown: true }
}
