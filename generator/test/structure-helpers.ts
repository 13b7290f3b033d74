import { VFile } from 'vfile'
import { parseNote } from '../src/parse.js'
import { outlineSections } from '../src/outline.js'

/** A note's outline, as the planner sees it. */
export function outlineOf(text: string) {
  const file = new VFile({ path: 'notes/test.md', value: text })
  const { tree, meta } = parseNote(file)
  return outlineSections(tree, meta, file)
}
