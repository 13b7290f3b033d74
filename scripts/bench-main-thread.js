// Preloaded (`node --import`) into the builds scripts/bench.js times: at exit, prints the CPU
// time of the process's main thread alone (Linux /proc), beside the whole process's CPU that
// GNU time gives. A build with a helper thread does less on its main thread and more in all.
import { readFileSync } from 'node:fs'

process.on('exit', () => {
  try {
    // Fields after the command name: utime and stime (clock ticks, 100 a second) are the 12th and 13th.
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ')
    process.stderr.write(`__MAIN_THREAD__ ${(Number(fields[11]) + Number(fields[12])) / 100}\n`)
  } catch {
    // Not Linux: no main-thread figure.
  }
})
