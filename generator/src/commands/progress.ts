import cliProgress from 'cli-progress'

export interface Progress {
  deck: (name: string) => {
    step: (what: string, total?: number) => void
    tick: (done: number) => void
    done: (summary: string) => void
    fail: (message: string) => void
  }
  line: (text: string) => void
  stop: () => void
}

/**
 * Progress for exports: on a terminal, a live bar per deck (step, slides done, elapsed time,
 * with cli-progress); elsewhere (CI, pipes) one plain line per finished step; nothing when quiet.
 */
export function createProgress(options: { quiet?: boolean; log?: (line: string) => void }): Progress {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  if (options.quiet) {
    const silent = { step: () => undefined, tick: () => undefined, done: () => undefined, fail: () => undefined }
    return { deck: () => silent, line: () => undefined, stop: () => undefined }
  }
  const tty = Boolean(process.stdout.isTTY) && !options.log && !process.env.CI
  const multi = tty
    ? new cliProgress.MultiBar(
        { format: ' {name} | {bar} | {step} {value}/{total} | {duration}s', hideCursor: true, clearOnComplete: false, stopOnComplete: false },
        cliProgress.Presets.shades_classic,
      )
    : undefined
  return {
    deck: (name) => {
      const started = performance.now()
      const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1)
      const bar = multi?.create(1, 0, { name, step: 'starting' })
      let current = ''
      return {
        step: (what, total = 1) => {
          if (!bar) log(`${name}: ${what} (${seconds()} s)`)
          current = what
          bar?.setTotal(total)
          bar?.update(0, { step: what })
        },
        tick: (done) => bar?.update(done, { step: current }),
        done: (summary) => {
          bar?.update(bar.getTotal(), { step: 'done' })
          if (multi) multi.log(`${name} → ${summary} (${seconds()} s)\n`)
          else log(`${name} → ${summary} (${seconds()} s)`)
        },
        fail: () => bar?.update(0, { step: 'failed' }),
      }
    },
    line: (text) => (multi ? multi.log(`${text}\n`) : log(text)),
    stop: () => multi?.stop(),
  }
}
