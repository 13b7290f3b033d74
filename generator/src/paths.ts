import { fileURLToPath } from 'node:url'
import path from 'node:path'

/** The lectern package's root folder (where package.json, themes/ and node_modules are). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The folder of lectern's own Slidev theme. */
export const themeDir = path.join(packageRoot, 'themes', 'lectern')

/** A path relative to `from`, with forward slashes and a leading `./` or `../`. */
export function relativePosix(from: string, to: string): string {
  const rel = path.relative(from, to).split(path.sep).join('/')
  return rel.startsWith('.') ? rel : `./${rel}`
}

/** A path for messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file
}
