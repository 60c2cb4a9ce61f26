/**
 * WXT's in-memory browser as the globals `chrome` and `browser`, as WXT's own Vitest plugin sets
 * them: @wxt-dev/storage (settings and batch jobs) reads the global, not the mocked 'wxt/browser'.
 * Import before the modules under test.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';

Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
