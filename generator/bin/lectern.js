#!/usr/bin/env node
// The compiled CLI lives in generator/dist (built by `npm ci` through the `prepare` script).
import v8 from 'node:v8'

// V8 optimizes a function once it has run for a while (its "interrupt budget"). A build runs a
// great deal of code a few thousand times each: with the default budget V8's helper threads spend
// about 3 s of CPU on a 1 MB note optimizing functions that are then barely used, beside the 3.7 s
// of the build itself. Three times the budget optimizes only the hot code: 2 s of CPU less, the
// same main-thread time (scripts/bench-results.md). It only changes when V8 compiles, never what
// the code does. Set before the CLI's modules load, so that their functions start with it.
v8.setFlagsFromString('--interrupt-budget=400000')

const { main } = await import('../dist/cli.js')
process.exitCode = await main(process.argv.slice(2))
