/**
 * True only in the test build (`vite build --mode e2e`, served to Playwright and the bench). End-to-end tests read
 * the studio through small probes on `window`; production must not carry them, so every probe is installed behind
 * this flag. Vite replaces `import.meta.env.MODE` at build time, so in `npm run build` the probe code is dead and
 * tree-shaken out of dist/.
 */
export const TEST_PROBES: boolean = import.meta.env.MODE === 'e2e';
