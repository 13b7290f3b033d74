import { VFile } from '/work/wt-s19-compare/node_modules/vfile/index.js'
import { parseNote } from '/work/wt-s19-compare/generator/dist/parse.js'
import { outlineSections } from '/work/wt-s19-compare/generator/dist/outline.js'
import { findSides } from '/work/wt-s19-compare/generator/dist/plan/sides.js'
import { runsText } from '/work/wt-s19-compare/generator/dist/text.js'
import fs from 'node:fs'
const text = fs.readFileSync(process.argv[2], 'utf8')
const file = new VFile({ path: 'x.md', value: text })
const { tree, meta } = parseNote(file)
const outline = outlineSections(tree, meta, file)
const walk = (s) => { if (new RegExp(process.argv[3]).test(s.title)) { const r = findSides(s); console.log(s.title, r && JSON.stringify(r.rows.map(row => [row.aspect, ...row.cells.map(c => c ? runsText(c) : '—')]), null, 1)) } s.children.forEach(walk) }
;(outline.sections ?? outline.children ?? [outline]).forEach(walk)
