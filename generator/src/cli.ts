import { parseArgs, type ParseArgsConfig } from 'node:util'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { LecternError, UsageError } from './errors.js'
import { findDecks } from './commands/decks.js'

const require = createRequire(import.meta.url)
const { version } = require('../../package.json') as { version: string }

const HELP: Record<string, string> = {
  main: `lectern ${version}: turn markdown notes into Slidev talks

Usage: lectern <command> [options]

Commands:
  build    notes → Slidev decks (default: notes/*.md → decks/)
  export   decks → PDF and a static web deck (default: decks/* → dist/)
  check    decks → density and coverage report; exit 1 on lost text or a crowded slide
  watch    build, serve each deck with live reload, and rebuild on every save

Run \`lectern <command> --help\` for a command's options.`,
  build: `Usage: lectern build [NOTE…] [--out DIR] [--minutes N] [--force] [--check] [--allow-theme-dir DIR]

Turn notes into Slidev decks: DIR/<name>/slides.md plus the images it uses. A deck whose note,
images, options and lectern itself did not change is left alone (reported as unchanged).

  NOTE        markdown notes (default: notes/*.md)
  --out DIR   where decks go (default: decks)
  --minutes N fit each talk into N minutes (±10%); the rest goes to a Backup part after the end
  --force     rebuild every deck
  --check     write nothing; exit 1 listing every deck that is stale or missing
  --offline   never touch the network (also LECTERN_OFFLINE=1): remote images come from the
              cache (DIR/.lectern-cache) or are left out with a warning
  --json      print the results, warnings and errors as JSON (nothing else)
  --allow-theme-dir DIR  let a note's \`theme:\` name a folder inside DIR (a theme is code
              that runs during export; by default only themes/, folders inside the note's
              folder and installed slidev-theme-* packages are used)
  -h, --help  show this help

lectern writes a deck only into a new or empty folder, or one it built from the same note; it
refuses a folder that holds the note, a hand-made deck, or a deck of another note of that name.

Exit status: 0 all decks built (or, with --check, all up to date), 1 a note failed (the others
are still built) or a deck is stale, 2 bad usage.`,
  export: `Usage: lectern export [DECK_DIR…] [--format LIST] [--out DIR] [options]

Export decks in one pass: each deck is built once by Slidev, one Chromium renders every format
of every deck. Outputs in DIR/<name>/: <name>.pdf (one page per slide, vector text, bookmarks),
spa/index.html (a static web deck for any folder or static server, offline), <name>-handout.pdf
(slides with their speaker notes as text), png/NN.png, <name>.pptx (pictures + notes).
A deck whose inputs did not change since its last export is skipped and reported as unchanged.

  DECK_DIR                deck folders (default: every deck in decks/)
  --format LIST           comma-separated: pdf, spa, handout, png, pptx (default: pdf,spa)
  --out DIR               where exports go (default: dist)
  --paper a4|letter       handout paper (default: a4)
  --handout-per-page N    slides per handout page: 1, 2 or 3 (default: 2)
  --force                 export even decks that did not change
  --shard K/N             export only shard K of N (decks sorted by name, dealt round-robin)
  --quiet                 print only errors
  -h, --help              show this help

Chromium is found from LECTERN_BROWSER, then Playwright's own browser, then
chromium / chromium-browser / google-chrome on PATH. It is never downloaded.

Two decks of one name, or an --out inside a deck, are refused before any work (exit 2).
spa/ and png/ are replaced whole. A deck holding a FIFO, a device or a symlink out of the deck
is refused; files over 20 MB are a warning. Exporting a deck you did not generate runs its code
(its theme, vite.config and setup files), as \`slidev build\` does.

Exit status: 0 all exported, 1 a deck failed (the others are still exported), 2 bad usage.`,
  check: `Usage: lectern check [DECK_DIR…] [--json] [--strict]

Report per deck: slides, words on the busiest slide, median words per slide, the share of the
note's sentences present in the deck (slide text or speaker notes), tables and diagrams. Then
build the deck's SPA and open every slide in Chromium: overflow beyond the canvas (clipping
counts), the smallest effective font size, and whether each diagram rendered.

  DECK_DIR      deck folders (default: every deck in decks/)
  --json        print the reports as JSON
  --no-browser  skip the Chromium measurements (fast, static checks only; runs no code of the deck)
  --strict      also exit 1 on any slide-text finding: a bullet or cell ending in an added "…",
                a subordinate clause alone, a dangling last word ("the", "of"), a cut inside a
                list or parentheses, a number of its sentence left out; a thin slide (one short
                line that the next slide continues); a notes app's markup left on a slide ("**",
                "[[…]]", ":emoji:", tags); a content title over 80 characters. Each finding names
                the slide and note line.
  -h, --help    show this help

The note is read only when the deck's lectern manifest names it and it lies inside the working
folder or beside the deck. Without --no-browser, Slidev builds the deck: a deck you did not
generate runs its own code (its theme, vite.config, setup files), as with \`slidev build\`.

Exit status: 0 all decks pass, 1 a deck loses text, breaks its density budget, overflows, has
text under 14 px or a diagram that did not render (the slide and its source lines are named),
2 bad usage.`,
  watch: `Usage: lectern watch [NOTE…] [--out DIR] [--port N]

Build the notes, serve each deck with Slidev's dev server (live reload) on successive ports
starting at N, and rebuild a note's deck every time it (or the theme) is saved. A note that
breaks prints its error with file:line and its last good deck stays up. Ctrl-C stops it all.

  NOTE        markdown notes (default: notes/*.md)
  --out DIR   where decks go (default: decks)
  --port N    first port (default: 3030; a port in use is skipped, and the one used is printed)
  --allow-theme-dir DIR  as for build
  -h, --help  show this help`,
}

/** Parse one command's flags; unknown flags are usage errors (exit 2). */
function flags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]}; see --help`)
  }
}

async function defaultNotes(): Promise<string[]> {
  let names: string[]
  try {
    names = await fs.readdir('notes')
  } catch {
    throw new UsageError('no notes given and there is no notes/ folder here; pass NOTE files or run from a folder with notes/')
  }
  const notes = names.filter((name) => name.endsWith('.md')).sort().map((name) => path.join('notes', name))
  if (!notes.length) throw new UsageError('notes/ has no .md files; pass NOTE files')
  return notes
}

/** A folder flag's value: an empty one (`--out ''`) is a usage error, not "the current folder". */
function folderFlag(name: string, value: unknown): string {
  const text = String(value ?? '')
  if (!text.trim()) throw new UsageError(`--${name} needs a folder name (it was empty); see --help`)
  return text
}

async function runBuild(argv: string[]): Promise<number> {
  const { values, positionals } = flags(argv, {
    out: { type: 'string', default: 'decks' },
    force: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'allow-theme-dir': { type: 'string', multiple: true, default: [] },
    minutes: { type: 'string' },
    offline: { type: 'boolean', default: false },
  })
  if (values.help) return help('build')
  const out = folderFlag('out', values.out)
  const allowThemeDirs = (values['allow-theme-dir'] ?? []).map((dir) => path.resolve(folderFlag('allow-theme-dir', dir)))
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes)
  if (minutes !== undefined && !(Number.isFinite(minutes) && minutes > 0)) throw new UsageError(`--minutes must be a positive number of minutes, not "${values.minutes}"`)
  const notes = positionals.length ? positionals : await defaultNotes()
  // Commands are loaded on demand: a no-op build should not pay for the whole pipeline.
  const { buildNotes } = await import('./commands/build.js')
  const quiet = values.json ? { log: () => undefined, warn: () => undefined } : {}
  const results = await buildNotes({ notes, out, force: Boolean(values.force), check: Boolean(values.check), allowThemeDirs, minutes, offline: Boolean(values.offline), ...quiet })
  if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`)
  const failed = results.filter((result) => result.error)
  if (failed.length && values.json) return 1
  if (failed.length) {
    // Each failure was printed once as it happened; the summary only counts them.
    process.stderr.write(`lectern: ${failed.length} of ${results.length} notes failed\n`)
    return 1
  }
  if (values.check) {
    const stale = results.filter((result) => result.status !== 'unchanged')
    if (stale.length) {
      process.stderr.write(`lectern: ${stale.length} of ${results.length} decks are stale or missing; run \`lectern build\`\n`)
      return 1
    }
  }
  return 0
}

/**
 * Turn SIGINT, SIGTERM and SIGHUP into an exit, so the exit hooks kill Slidev's process groups
 * and remove temporary folders (Node's default for a signal skips them).
 */
function exitOnSignals(): void {
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const
  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      process.stderr.write(`lectern: stopped by ${signal}\n`)
      process.exit(code)
    })
  }
}

async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = flags(argv, {
    format: { type: 'string', default: 'pdf,spa' },
    out: { type: 'string', default: 'dist' },
    paper: { type: 'string', default: 'a4' },
    'handout-per-page': { type: 'string', default: '2' },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    shard: { type: 'string' },
  })
  if (values.help) return help('export')
  exitOnSignals()
  const out = folderFlag('out', values.out)
  const { exportDecks, parseFormats, shardDecks } = await import('./commands/export.js')
  const formats = parseFormats(String(values.format))
  const paper = String(values.paper).toLowerCase()
  if (paper !== 'a4' && paper !== 'letter') throw new UsageError(`--paper must be a4 or letter, not "${values.paper}"`)
  const perPage = Number(values['handout-per-page'])
  if (perPage !== 1 && perPage !== 2 && perPage !== 3) throw new UsageError(`--handout-per-page must be 1, 2 or 3, not "${values['handout-per-page']}"`)
  if (values.shard) shardDecks([], String(values.shard))
  const decks = positionals.length ? positionals : await findDecks('decks')
  if (!decks.length) throw new LecternError('no decks to export; run `lectern build` first')
  const results = await exportDecks({
    decks,
    formats,
    out,
    paper,
    perPage,
    force: Boolean(values.force),
    quiet: Boolean(values.quiet),
    shard: values.shard ? String(values.shard) : undefined,
  })
  const failed = results.filter((result) => result.status === 'failed')
  if (failed.length) {
    process.stderr.write(`lectern: ${failed.length} of ${results.length} decks failed\n`)
    return 1
  }
  return 0
}

async function runCheck(argv: string[]): Promise<number> {
  const { values, positionals } = flags(argv, {
    json: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  })
  if (values.help) return help('check')
  exitOnSignals()
  const { checkDecks, formatCheck } = await import('./commands/check.js')
  const decks = positionals.length ? positionals : await findDecks('decks')
  if (!decks.length) throw new LecternError('no decks to check; run `lectern build` first')
  const results = await checkDecks(decks, { browser: !values['no-browser'] })
  if (values.json) {
    const json = results.map((r) => ({ deck: r.deck, note: r.note, error: r.error, ...r.report, browser: r.browser, lint: r.lint }))
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
  } else {
    for (const result of results) process.stdout.write(`${formatCheck(result)}\n`)
  }
  const lintFails = values.strict && results.some((r) => r.lint?.findings.length)
  return lintFails || results.some((r) => r.error || r.report?.problems.length) ? 1 : 0
}

async function runWatch(argv: string[]): Promise<number> {
  const { values, positionals } = flags(argv, {
    out: { type: 'string', default: 'decks' },
    port: { type: 'string', default: '3030' },
    'allow-theme-dir': { type: 'string', multiple: true, default: [] },
  })
  if (values.help) return help('watch')
  const out = folderFlag('out', values.out)
  const allowThemeDirs = (values['allow-theme-dir'] ?? []).map((dir) => path.resolve(folderFlag('allow-theme-dir', dir)))
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`)
  const notes = positionals.length ? positionals : await defaultNotes()
  const { watchNotes } = await import('./commands/watch.js')
  const watcher = await watchNotes({ notes, out, port, allowThemeDirs })
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await watcher.close()
  return 0
}

function help(topic: string): number {
  process.stdout.write(`${HELP[topic]}\n`)
  return 0
}

/** The CLI entry: the only place that catches errors and decides the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'build':
        return await runBuild(rest)
      case 'export':
        return await runExport(rest)
      case 'check':
        return await runCheck(rest)
      case 'watch':
        return await runWatch(rest)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        return help('main')
      case '-v':
      case '--version':
        process.stdout.write(`${version}\n`)
        return 0
      default:
        throw new UsageError(`unknown command "${command}"; run \`lectern --help\``)
    }
  } catch (error) {
    if (error instanceof LecternError) {
      process.stderr.write(`lectern: ${error.message}\n`)
      return error.exitCode
    }
    const message = (error instanceof Error ? error.message : String(error)).split('\n').filter(Boolean).slice(0, 2).join('; ')
    process.stderr.write(`lectern: internal error: ${message} (set LECTERN_DEBUG=1 for details)\n`)
    if (process.env.LECTERN_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`)
    return 1
  }
}
