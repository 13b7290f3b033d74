import { promises as fs } from 'node:fs'
import path from 'node:path'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { exists } from '../fsutil.js'

/** The deck folders under `dir` (folders that hold a slides.md), sorted by name. */
export async function findDecks(dir: string): Promise<string[]> {
  let entries: string[]
  try {
    entries = (await fs.readdir(dir)).sort()
  } catch {
    throw new LecternError(`${displayPath(dir)}: no such folder; run \`lectern build\` first`)
  }
  const decks: string[] = []
  for (const name of entries) {
    if (await exists(path.join(dir, name, 'slides.md'))) decks.push(path.join(dir, name))
  }
  return decks
}

