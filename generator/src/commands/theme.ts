import { readdirSync, realpathSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { packageRoot, relativePosix } from '../paths.js'
import { isInside } from './deckfolder.js'

/** Where a deck may take its theme from. Every folder is absolute. */
export interface ThemePolicy {
  /** The note's folder (real path). */
  noteDir: string
  /** The deck folder the theme path is written relative to. */
  deckDir: string
  /** The project: its `themes/` folder holds themes any note may name (the working directory). */
  projectDir: string
  /** Folders allowed with `--allow-theme-dir`. */
  allowDirs: string[]
}

export const THEME_RULE =
  "themes come from themes/ in the project, a folder inside the note's folder (no `..`, no absolute path) or an installed slidev-theme-* package; pass --allow-theme-dir DIR to allow another folder"

/**
 * Resolve a note's `theme:` value to what the deck names, or explain why it is refused.
 * Note: a Slidev theme is code (its vite.config and setup files run in Node during export),
 * so only folders the user chose to trust are used.
 */
export function resolveNoteTheme(value: string, policy: ThemePolicy): { theme: string; code?: string } | { error: string } {
  const isPath = value.startsWith('.') || value.startsWith('/') || value.startsWith('@/') || (value.includes('/') && !value.startsWith('@')) || path.isAbsolute(value)
  if (!isPath) return resolveThemeName(value, policy)
  const parts = value.split(/[\\/]/)
  const candidate = value.startsWith('@/') ? path.resolve(policy.projectDir, value.slice(2)) : path.resolve(policy.noteDir, value)
  let real: string
  try {
    real = realpathSync(candidate)
  } catch {
    return { error: `theme "${value}" is not a folder that exists (looked for ${candidate})` }
  }
  if (!statSync(real).isDirectory()) return { error: `theme "${value}" is not a folder` }
  const trusted = policy.allowDirs.some((dir) => isInside(real, realOr(dir))) || projectThemeRoots(policy).some((root) => isInside(real, root))
  const local = !path.isAbsolute(value) && !value.startsWith('@/') && !parts.includes('..') && isInside(real, policy.noteDir)
  if (!trusted && !local) {
    const why = path.isAbsolute(value) ? 'is an absolute path' : parts.includes('..') ? 'climbs out of the note\'s folder with ".."' : "is outside the note's folder"
    return { error: `theme "${value}" ${why}; ${THEME_RULE}` }
  }
  const code = trusted ? undefined : findThemeCode(real)
  return { theme: relativePosix(policy.deckDir, real), ...(code ? { code: path.relative(policy.noteDir, code).split(path.sep).join('/') } : {}) }
}

function resolveThemeName(name: string, policy: ThemePolicy): { theme: string } | { error: string } {
  if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/i.test(name)) return { error: `theme "${name}" is not a theme name or a folder; ${THEME_RULE}` }
  if (!name.startsWith('@')) {
    for (const root of projectThemeRoots(policy)) {
      const folder = path.join(root, name)
      if (isFolder(folder)) return { theme: relativePosix(policy.deckDir, realOr(folder)) }
    }
  }
  const packages = /^(@[^/]+\/)?slidev-theme-|^@slidev\/theme-/.test(name) ? [name] : name.startsWith('@') ? [] : [`@slidev/theme-${name}`, `slidev-theme-${name}`]
  for (const pkg of packages) {
    // Only the project's and lectern's own installs: a node_modules shipped with the notes is not "installed".
    for (const from of [policy.projectDir, packageRoot]) {
      try {
        createRequire(path.join(from, 'index.js')).resolve(`${pkg}/package.json`)
        return { theme: pkg }
      } catch {
        // Not installed from here; try the next place.
      }
    }
  }
  const hint = packages.length ? ` (install ${packages[packages.length - 1]})` : ''
  return { error: `theme "${name}" is not a folder in themes/ nor an installed theme package${hint}; ${THEME_RULE}` }
}

/** Files in a theme folder that run as code during export (Vite config, setup/, scripts, Vue). */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|vue)$/i

/** Most folder entries looked at for code in a theme folder. */
const CODE_SCAN_LIMIT = 5_000

/**
 * The first file in a theme folder that runs as code when the deck is exported (sorted, so the
 * answer is the same on every machine), or undefined for a folder of styles and layouts in markdown.
 */
function findThemeCode(dir: string): string | undefined {
  let level = [dir]
  let seen = 0
  while (level.length && seen < CODE_SCAN_LIMIT) {
    const next: string[] = []
    for (const folder of level) {
      let names: string[]
      try {
        names = readdirSync(folder).sort()
      } catch {
        continue
      }
      seen += names.length
      for (const name of names) {
        const full = path.join(folder, name)
        const folderEntry = isFolder(full)
        if (!folderEntry && (CODE_FILE.test(name) || /^vite\.config\./.test(name))) return full
        if (folderEntry && folder === dir && name === 'setup') return full
        if (folderEntry) next.push(full)
      }
    }
    level = next
  }
  return undefined
}

function projectThemeRoots(policy: ThemePolicy): string[] {
  return [...new Set([path.join(policy.projectDir, 'themes'), path.join(packageRoot, 'themes')].filter(isFolder).map(realOr))]
}

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

function realOr(dir: string): string {
  try {
    return realpathSync(dir)
  } catch {
    return path.resolve(dir)
  }
}

/** The 1-based line and column of a `theme:` value in a note's frontmatter (1:1 when not found). */
export function themePlace(text: string): { line: number; column: number } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return { line: 1, column: 1 }
  for (let i = 1; i < lines.length && lines[i].trim() !== '---'; i++) {
    const match = /^(theme\s*:\s*)/.exec(lines[i])
    if (match) return { line: i + 1, column: match[1].length + 1 }
  }
  return { line: 1, column: 1 }
}
