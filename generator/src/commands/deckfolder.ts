import { promises as fs } from 'node:fs'
import path from 'node:path'
import { LecternError } from '../errors.js'
import { displayPath } from '../paths.js'
import { exists } from '../fsutil.js'
import { MANIFEST, readManifestState, type Manifest } from './manifest.js'

/** Does `inner` lie inside (or at) `outer`? Both are absolute, real paths. */
export function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep)
}

async function realOrResolved(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file))
}

/**
 * Decide whether lectern may write the deck for `note` into `deckDir`, and return the folder's
 * manifest (undefined for a new folder). lectern writes only into a folder that does not exist,
 * an empty one, or one it built from this same note; it refuses a folder that holds the note, a
 * hand-made deck (slides.md with no manifest), any other folder it did not create, and a deck
 * built from another note of the same name. A damaged manifest is refused unless `force`; then
 * the deck is rebuilt as new (nothing is removed, since no record says what lectern wrote).
 */
export async function claimDeckFolder(deckDir: string, note: string, force = false): Promise<Manifest | undefined> {
  const shownDeck = displayPath(deckDir)
  const shownNote = displayPath(note)
  const stat = await fs.lstat(deckDir).catch(() => undefined)
  if (!stat) return undefined
  if (stat.isSymbolicLink()) throw new LecternError(`${shownNote}: the deck folder ${shownDeck} is a symlink; lectern writes decks only into folders it created (pass another --out)`)
  if (!stat.isDirectory()) throw new LecternError(`${shownNote}: ${shownDeck} exists and is not a folder; move it or pass another --out`)
  const realDeck = await fs.realpath(deckDir)
  if (isInside(await realOrResolved(note), realDeck)) {
    throw new LecternError(`${shownNote}: the deck folder ${shownDeck} holds the note itself; lectern will not write a deck over its sources (pass another --out, e.g. --out decks)`)
  }
  const state = await readManifestState(deckDir)
  if (state === 'unreadable') {
    if (force) return undefined
    throw new LecternError(`${shownNote}: the manifest ${displayPath(path.join(deckDir, MANIFEST))} of this lectern deck is unreadable (damaged); pass --force to rebuild the deck`)
  }
  const manifest = state === 'none' ? undefined : state
  if (!manifest) {
    const entries = await fs.readdir(deckDir)
    if (!entries.length) return undefined
    if (entries.includes('slides.md')) {
      throw new LecternError(`${shownNote}: ${shownDeck} holds a hand-made deck (slides.md with no lectern manifest); lectern never overwrites it (pass another --out or move that deck)`)
    }
    throw new LecternError(`${shownNote}: ${shownDeck} is a folder lectern did not create (it has files and no lectern manifest); pass another --out or empty it`)
  }
  if (typeof manifest.note === 'string') {
    const previous = path.resolve(deckDir, manifest.note)
    if ((await realOrResolved(previous)) !== (await realOrResolved(note)) && (await exists(previous))) {
      throw new LecternError(
        `${shownNote}: ${shownDeck} is the deck of another note of the same name, ${displayPath(previous)}; rename one of the notes or build them into different --out folders`,
      )
    }
  }
  return manifest
}
