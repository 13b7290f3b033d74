import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { unified } from 'unified'
import remarkParse from 'remark-parse'
import remarkGfm from 'remark-gfm'
import remarkFrontmatter from 'remark-frontmatter'
import { parseMarkdown } from '../src/parse.js'
import { readMarkdown } from '../src/markdown.js'

describe('parseMarkdown', () => {
  it('parses a long note in pieces into exactly the tree a whole parse gives, positions included', () => {
    const notes = path.resolve(__dirname, '../../notes')
    const body = readdirSync(notes)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(path.join(notes, name), 'utf8').replace(/^---[\s\S]*?---\n/, ''))
      .join('\n\n')
    let text = '---\ntitle: Long\n---\n'
    for (let copy = 0; text.length < 400_000; copy++) text += `${body.replace(/^# /gm, '## ')}\n\n\`\`\`md\n# not a heading ${copy}\n\`\`\`\n\n`
    const whole = readMarkdown(text)
    const pieces = parseMarkdown(text)
    expect(pieces.children.length).toBe(whole.children.length)
    expect(JSON.stringify(pieces.children)).toBe(JSON.stringify(whole.children))
  })

  it('reads GFM as remark-gfm does, except that bare URLs stay text', () => {
    const text = '# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] not\n\n~~old~~ new[^1]\n\n[^1]: A note.\n\nSee https://example.com and [a link](https://x.org).\n'
    const ours = readMarkdown(text)
    const theirs = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(text)
    const strip = (tree: unknown) => JSON.stringify(tree, (key, value) => (key === 'position' ? undefined : value))
    expect(strip(ours.children.slice(0, 4))).toBe(strip(theirs.children.slice(0, 4)))
    const last = JSON.stringify(ours.children.at(-1))
    expect(last).toContain('See https://example.com and ')
    expect(last).toContain('"url":"https://x.org"')
  })
})
