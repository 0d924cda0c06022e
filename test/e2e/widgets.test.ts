// The end-to-end run: one process and one browser for every suite (a Chromium launch and the
// TypeScript loader cost seconds each), suites two at a time, each test in a browser context
// and a backend of its own, so none can see another's changes.
// Run: node --import tsx --test test/e2e/*.test.ts   (after `npm run build`)
import { describe } from 'node:test';
import { axeSuite } from './axe.js';
import { connectSuite } from './connect.js';
import { expirySuite } from './expiry.js';
import { fallbackSuite } from './fallback.js';
import { focusSuite } from './focus.js';
import { lateSuite } from './late.js';
import { manageSuite } from './manage.js';
import { pagesSuite } from './pages.js';
import { reconnectSuite } from './reconnect.js';
import { restartSuite } from './restart.js';
import { selectionSuite } from './selection.js';
import { ssrSuite } from './ssr.js';

describe('end to end', { concurrency: 2 }, () => {
  // The longest suites first, so that the two lanes end close together.
  connectSuite();
  focusSuite();
  pagesSuite();
  manageSuite();
  reconnectSuite();
  restartSuite();
  fallbackSuite();
  lateSuite();
  expirySuite();
  axeSuite();
  ssrSuite();
  selectionSuite();
});
