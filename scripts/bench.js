#!/usr/bin/env node
// lectern benchmarks: generation time and memory for 1 MB and 4 MB notes, no-op builds, watch
// latency, and exports against Slidev's own commands, run alternately in one session.
// Writes a markdown table to stdout and to scripts/bench-results.md.
// Usage: npm run bench [-- --runs 3] [-- --against DIR] [-- --only generation]
//   --against DIR       also build the same notes with the lectern checkout in DIR (e.g. an old
//                       main), alternating with this one, and print both and their ratio
//   --only generation   measure generation only (no no-op, watch or export rows)
import { spawn, spawnSync } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'generator', 'bin', 'lectern.js')
const mainThread = path.join(root, 'scripts', 'bench-main-thread.js')
const require = createRequire(import.meta.url)
const slidev = path.join(path.dirname(require.resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')
const runsArg = process.argv.indexOf('--runs')
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3
const againstArg = process.argv.indexOf('--against')
const against = againstArg > 0 ? path.resolve(process.argv[againstArg + 1]) : undefined
const againstBin = against && path.join(against, 'generator', 'bin', 'lectern.js')
if (againstBin && !existsSync(againstBin)) throw new Error(`--against: no lectern checkout at ${against} (built with npx tsc?)`)
const onlyGeneration = process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'generation'
const work = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'))
const { findBrowser } = await import(path.join(root, 'generator', 'dist', 'export', 'browser.js'))
const chromium = await findBrowser()

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}
const fmt = (seconds) => `${seconds.toFixed(2)} s`

/** Run a command, return wall seconds, CPU seconds (user + system) and peak RSS in MB (GNU time when present). */
function timed(args, options = {}) {
  const gnuTime = existsSync('/usr/bin/time')
  const command = gnuTime ? '/usr/bin/time' : args[0]
  const full = gnuTime ? ['-f', '__TIME__ %e %M %U %S', ...args] : args.slice(1)
  const started = performance.now()
  const result = spawnSync(command, full, { encoding: 'utf8', maxBuffer: 1 << 28, ...options })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr.slice(-2000)}`)
  const match = /__TIME__ ([\d.]+) (\d+) ([\d.]+) ([\d.]+)/.exec(result.stderr)
  const main = /__MAIN_THREAD__ ([\d.]+)/.exec(result.stderr)
  return { seconds, peakMB: match ? Number(match[2]) / 1024 : NaN, cpu: match ? Number(match[3]) + Number(match[4]) : NaN, mainCpu: main ? Number(main[1]) : NaN }
}

/** A note of about `bytes` bytes made from the example notes, each copy numbered so no two sections repeat. */
function bigNote(bytes) {
  const sources = readdirSync(path.join(root, 'notes')).filter((n) => n.endsWith('.md')).map((n) => readFileSync(path.join(root, 'notes', n), 'utf8').replace(/^---[\s\S]*?---\n/, ''))
  let text = '---\ntitle: Benchmark note\n---\n# Benchmark note\n\n'
  for (let copy = 1; text.length < bytes; copy++) {
    for (const source of sources) text += source.replace(/^(#{1,6}) (.*)$/gm, (_, hashes, title) => `${hashes.length === 1 ? '##' : hashes} ${title} (copy ${copy})`).replace(/\. /g, ` in copy ${copy}. `) + '\n\n'
  }
  return text
}

const rows = []
const log = (line) => process.stderr.write(`${line}\n`)

// 1. Generation of large notes (alternating with --against's checkout when given).
const gen = {}
const old = {}
const loads = []
for (const [label, size] of [['1 MB', 1 << 20], ['4 MB', 4 << 20]]) {
  const note = path.join(work, `big-${label.replace(' ', '')}.md`)
  writeFileSync(note, bigNote(size))
  const runs = { new: [], old: [] }
  for (let i = 0; i < RUNS; i++) {
    loads.push(os.loadavg()[0])
    // Which side goes first alternates, so neither always runs on a warmer (or busier) machine.
    const sides = againstBin ? [['old', againstBin], ['new', bin]] : [['new', bin]]
    for (const [side, binary] of i % 2 ? sides.reverse() : sides) {
      runs[side].push(timed([process.execPath, '--import', mainThread, binary, 'build', note, '--out', path.join(work, `gen-${side}`), '--force'], { cwd: work }))
    }
  }
  const summary = (list) => ({ seconds: median(list.map((r) => r.seconds)), cpu: median(list.map((r) => r.cpu)), mainCpu: median(list.map((r) => r.mainCpu)), peakMB: Math.max(...list.map((r) => r.peakMB)) })
  gen[label] = summary(runs.new)
  if (againstBin) old[label] = summary(runs.old)
  log(`generation ${label}: ${fmt(gen[label].seconds)} (cpu ${fmt(gen[label].cpu)}, main thread ${fmt(gen[label].mainCpu)}), ${gen[label].peakMB.toFixed(0)} MB${againstBin ? `; --against: ${fmt(old[label].seconds)} (cpu ${fmt(old[label].cpu)}, main thread ${fmt(old[label].mainCpu)}), ${old[label].peakMB.toFixed(0)} MB` : ''}`)
  log(`  loads (1 min) so far: ${loads.map((load) => load.toFixed(1)).join(' ')}`)
}
const versus = (label) =>
  againstBin
    ? `; against ${path.basename(against)}: ${fmt(old[label].seconds)} wall, ${fmt(old[label].cpu)} CPU, ${fmt(old[label].mainCpu)} main thread, ratio ${(gen[label].seconds / old[label].seconds).toFixed(2)} wall, ${(gen[label].cpu / old[label].cpu).toFixed(2)} CPU, ${(gen[label].mainCpu / old[label].mainCpu).toFixed(2)} main thread`
    : ''
rows.push(['Generation, 1 MB note (whole process)', fmt(gen['1 MB'].seconds), `CPU ${fmt(gen['1 MB'].cpu)} (main thread ${fmt(gen['1 MB'].mainCpu)}), peak ${gen['1 MB'].peakMB.toFixed(0)} MB`, `target < 3 s${versus('1 MB')}`])
rows.push(['Generation, 4 MB note (whole process)', fmt(gen['4 MB'].seconds), `CPU ${fmt(gen['4 MB'].cpu)} (main thread ${fmt(gen['4 MB'].mainCpu)}), peak ${gen['4 MB'].peakMB.toFixed(0)} MB`, `${(gen['4 MB'].seconds / gen['1 MB'].seconds).toFixed(2)}× the 1 MB time, ${(gen['4 MB'].cpu / gen['1 MB'].cpu).toFixed(2)}× its CPU (target ≤ 4.8×)${versus('4 MB')}`])

// 2. No-op build vs full build of the example notes.
if (!onlyGeneration) {
  const project = path.join(work, 'project')
  mkdirSync(project)
  cpSync(path.join(root, 'notes'), path.join(project, 'notes'), { recursive: true })
  timed([process.execPath, bin, 'build'], { cwd: project })
  const full = []
  const noop = []
  for (let i = 0; i < RUNS; i++) {
    full.push(timed([process.execPath, bin, 'build', '--force'], { cwd: project }).seconds)
    noop.push(timed([process.execPath, bin, 'build'], { cwd: project }).seconds)
  }
  rows.push(['Full build of the example notes', fmt(median(full)), '', ''])
  rows.push(['No-op build of the example notes', fmt(median(noop)), '', `${(median(noop) / median(full)).toFixed(2)}× a full build (target < 0.6 s or < 0.25×)`])

  // 3. Watch: note saved → slides.md rewritten.
  {
    const note = path.join(project, 'notes', 'docker.md')
    const deck = path.join(project, 'decks', 'docker', 'slides.md')
    const child = spawn(process.execPath, [bin, 'watch', 'notes/docker.md', '--port', '39123'], { cwd: project })
    let out = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    const until = async (predicate, timeout = 60_000) => {
      const deadline = Date.now() + timeout
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out')
        await new Promise((r) => setTimeout(r, 2))
      }
    }
    await until(() => out.includes('watching for changes'), 120_000)
    const latencies = []
    for (let i = 1; i <= 10; i++) {
      const marker = `Benchmark edit ${i} lands here.`
      const start = performance.now()
      appendFileSync(note, `\n${marker}\n`)
      await until(() => readFileSync(deck, 'utf8').includes(marker))
      latencies.push(performance.now() - start)
      await new Promise((r) => setTimeout(r, 100))
    }
    child.kill('SIGINT')
    rows.push(['Watch: note saved → slides.md rewritten (10 saves)', `${median(latencies).toFixed(0)} ms median`, `max ${Math.max(...latencies).toFixed(0)} ms`, 'target ≤ 300 ms (aim ≤ 100 ms)'])
    log(`watch latency median ${median(latencies).toFixed(0)} ms`)
  }

  // 4. Exports against Slidev, alternately.
  const deckDir = path.join(project, 'decks', 'virtualization-vs-containers')
  const slides = (readFileSync(path.join(deckDir, 'slides.md'), 'utf8').match(/^kind: /gm) ?? []).length
  const lecternPdf = []
  const slidevPdf = []
  const lecternBoth = []
  const slidevBoth = []
  for (let i = 0; i < RUNS; i++) {
    lecternPdf.push(timed([process.execPath, bin, 'export', deckDir, '--format', 'pdf', '--force', '--quiet', '--out', path.join(work, 'l1')], { cwd: project }).seconds)
    slidevPdf.push(timed([process.execPath, slidev, 'export', path.join(deckDir, 'slides.md'), '--output', path.join(work, 's1.pdf'), '--executable-path', chromium], { cwd: deckDir }).seconds)
    lecternBoth.push(timed([process.execPath, bin, 'export', deckDir, '--format', 'pdf,spa', '--force', '--quiet', '--out', path.join(work, 'l2')], { cwd: project }).seconds)
    const build = timed([process.execPath, slidev, 'build', path.join(deckDir, 'slides.md'), '--out', path.join(work, 's2'), '--base', './'], { cwd: deckDir }).seconds
    const exported = timed([process.execPath, slidev, 'export', path.join(deckDir, 'slides.md'), '--output', path.join(work, 's2.pdf'), '--executable-path', chromium], { cwd: deckDir }).seconds
    slidevBoth.push(build + exported)
    log(`export run ${i + 1}: lectern pdf ${fmt(lecternPdf[i])} vs slidev export ${fmt(slidevPdf[i])}; lectern pdf+spa ${fmt(lecternBoth[i])} vs slidev build+export ${fmt(slidevBoth[i])}`)
  }
  rows.push([`PDF of a ${slides}-slide deck: lectern export`, fmt(median(lecternPdf)), `slidev export ${fmt(median(slidevPdf))}`, `ratio ${(median(lecternPdf) / median(slidevPdf)).toFixed(2)} (target ≤ 1.0, aim ≤ 0.7)`])
  rows.push([`PDF + SPA of the same deck: lectern export`, fmt(median(lecternBoth)), `slidev build + export ${fmt(median(slidevBoth))}`, `ratio ${(median(lecternBoth) / median(slidevBoth)).toFixed(2)} (target ≤ 0.7, aim ≤ 0.5)`])

}

const table = [
  `# lectern benchmarks`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${RUNS} runs each (medians), exports run alternately with Slidev's${againstBin ? `, generation alternately with ${path.basename(against)}` : ''}. Load average (1 min) during generation: ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}; wall times grow with it, CPU times much less.`,
  '',
  '| what | lectern | compared with | result |',
  '| --- | --- | --- | --- |',
  ...rows.map((row) => `| ${row.join(' | ')} |`),
  '',
].join('\n')
process.stdout.write(table)
// A generation-only run prints its figures; the results file keeps whole runs.
if (!onlyGeneration) writeFileSync(path.join(root, 'scripts', 'bench-results.md'), table)
rmSync(work, { recursive: true, force: true })
