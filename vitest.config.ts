import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['generator/test/**/*.test.ts'],
    // End-to-end tests start Slidev builds and Chromium: give them room, and do not run two at once.
    testTimeout: 30_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
})
