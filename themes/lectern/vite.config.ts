// Loaded by Slidev from every root (theme included), so decks need no config of their own.
// Note: lightningcss (Vite 8's CSS minifier) rejects a pseudo-element selector emitted by
// Slidev 52's client CSS ("Invalid token in pseudo element"); we keep CSS unminified instead.
// Note: `__SLIDEV_FEATURE_PRINT__` is on in `slidev build` only with `download: true`, which
// would also make Slidev export its own PDF during the build. lectern prints the PDF itself
// from the built SPA's /print route, so we switch the route on with a post plugin that runs
// after Slidev's own `define`.
// Note: LECTERN_FAST is set by `lectern export` when the SPA is only printed (not kept): JS
// minification is skipped there, since nobody downloads that bundle.
// Note: `guard()` makes the `lectern watch` dev server read-only and same-origin (see vite/guard.ts).
// Note: `standalone()` makes the build one index.html that opens from disk (see vite/standalone.ts).
import { standalone } from './vite/standalone'
import { guard } from './vite/guard'

const fast = process.env.LECTERN_FAST === '1'

export default {
  build: { cssMinify: false, ...(fast ? { minify: false, reportCompressedSize: false } : {}) },
  plugins: [
    guard(),
    standalone(),
    {
      name: 'lectern:print-route',
      enforce: 'post',
      config() {
        return { define: { __SLIDEV_FEATURE_PRINT__: 'true' } }
      },
    },
  ],
}
