// Browser end-to-end tests: build the game with Vite, serve dist/ with `vite preview` on
// 127.0.0.1, and drive Debian's Chromium through playwright-core (no browser download).
// Run: npx vitest run -c vitest.browser.config.ts   (CHROMIUM_PATH overrides /usr/bin/chromium;
// SIX_TIGERS_SKIP_BUILD=1 reuses an existing dist/). cross-runtime.test.ts also drives Debian's
// Firefox ESR through puppeteer-core (FIREFOX_PATH overrides /usr/bin/firefox-esr;
// SIX_TIGERS_NO_FIREFOX=1 skips that part). Screenshots go to test-results/screenshots/, the
// figures (bundle size, first screen, quarter transition, JS heap) to test-results/browser-figures.json.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    // The figures are timings: `npm run bench` runs them (SIX_TIGERS_BENCH=1), `npm test` does not.
    exclude: process.env.SIX_TIGERS_BENCH ? [] : ['tests/browser/figures.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 150_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
