// End-to-end helpers: the real demo backend (temp database, free loopback port) serving the real
// demo pages and the built bundle, with the data platform played by a real OAuth 2.0
// authorization server (oidc-provider, another free loopback port), driven by Debian's Chromium
// through playwright-core. One browser per process (see widgets.test.ts); each test gets its own
// context, backend and platform.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startPlatform, type Platform } from '../../demo/platform/platform.js';
import { oauthOptionsFor } from '../../demo/platform/wiring.js';
import { startServer, type RunningServer, type ServerOptions } from '../../demo/server/server.js';
import { focusedNode } from '../../scripts/ax-tree.mjs';
import { chromeArgs, findChrome } from '../../scripts/find-chrome.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The build under test: `npm run build` writes it; DSW_DIST points at another one. */
const distRoot = process.env.DSW_DIST ?? join(root, 'dist');
const publicRoot = join(root, 'demo', 'public');

/** Long enough for a 2-core machine busy with other runs, short enough that a missing element fails fast. */
export const TIMEOUT = 15_000;

let browserPromise: Promise<Browser> | undefined;
// Registered at import, on the file's root: the one browser closes after the file's last test.
after(async () => (await browserPromise)?.close());

export function browser(): Promise<Browser> {
  if (!browserPromise) {
    assert.ok(existsSync(join(distRoot, 'data-source-widgets.bundle.js')), `No bundle in ${distRoot}: run \`npm run build\` first.`);
    const executablePath = findChrome();
    assert.ok(executablePath, 'No Chrome or Chromium found: install one or set CHROME_PATH.');
    browserPromise = chromium.launch({ executablePath, args: chromeArgs, headless: true });
  }
  return browserPromise;
}

export interface DemoServer extends RunningServer {
  port: number;
  /** Headers signed in as the user the demo page signs in (the first demo user). */
  auth: { Authorization: string };
  /** The authorization server and platform API this backend is a client of. */
  platform: Platform;
  /** What the backend logged so far (faults only; a test checks no token is among them). */
  logs: string[];
  /** Closes this server and starts another on the same port and database file (same platform). */
  restart(): Promise<DemoServer>;
}

type Options = Pick<ServerOptions, 'callbackCoop' | 'allowedOrigins'>;

async function launch(t: TestContext, dbPath: string, options: Options, platform: Platform, tokenKey: Buffer, port = 0): Promise<DemoServer> {
  const logs: string[] = [];
  const server = await startServer({
    ...options,
    port,
    host: '127.0.0.1',
    dbPath,
    demo: true,
    staticRoot: publicRoot,
    distRoot,
    log: (message) => logs.push(message),
    oauth: oauthOptionsFor(platform, tokenKey),
  });
  const actualPort = Number(new URL(server.url).port);
  t.after(async () => {
    await server.close();
    assert.deepEqual(logs, [], 'the server logged no fault');
  });
  return {
    ...server,
    port: actualPort,
    auth: { Authorization: `Bearer ${await server.signIn('ada')}` },
    platform,
    logs,
    restart: async () => {
      await server.close();
      return launch(t, dbPath, options, platform, tokenKey, actualPort);
    },
  };
}

/** The demo backend with a fresh seeded database of its own, and a platform of its own. */
export async function demoServer(t: TestContext, options: Options = {}): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'dsw-e2e-'));
  const platformLogs: string[] = [];
  const platform = await startPlatform({ log: (message) => platformLogs.push(message) });
  let current: DemoServer | undefined;
  // After the backend (and its refresh job) stopped: the platform, then the files.
  t.after(async () => {
    await current?.close();
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(platformLogs, [], 'the platform logged no fault');
  });
  const track = (server: DemoServer): DemoServer => {
    current = server;
    return { ...server, restart: async () => track(await server.restart()) };
  };
  return track(await launch(t, join(dir, 'demo.db'), options, platform, randomBytes(32)));
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  /** Script errors, failed requests and CSP / Trusted Types violations seen so far. */
  problems: string[];
}

/** A new context and page at `url`, recording every problem the page reports. */
export async function open(t: TestContext, url: string): Promise<Tab> {
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  t.after(() => context.close());
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Failed loads are reported below with their URL.
      if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
      problems.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      // Chromium asks every page for /favicon.ico; the provider's pages have none.
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
        problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on('requestfailed', (request) => problems.push(`failed ${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, problems };
}

/**
 * Text as a matcher that lets through the invisible directional isolates (U+2066–U+2069) the
 * widgets put around names and messages inside their sentences and accessible names.
 */
export function said(text: string): RegExp {
  const isolates = '[\\u2066-\\u2069]*';
  return new RegExp([...text].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(isolates));
}

export function card(page: Page, source: string): Locator {
  return page.locator(`data-source-card[source="${source}"]`);
}

export function banner(page: Page, source: string): Locator {
  return page.locator(`reconnect-banner[source="${source}"]`);
}

/** The open settings dialog of a data source ("Google Analytics 4 connections"). */
export function settingsDialog(page: Page, sourceName: string): Locator {
  return page.getByRole('dialog', { name: said(`${sourceName} connections`) });
}

/** The table row of an account in a dialog. */
export function row(dialog: Locator, accountName: string): Locator {
  return dialog.getByRole('row').filter({ hasText: accountName });
}

export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

export async function gone(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'hidden' });
}

/** Approve an offered account (by name), approve one typed in as "Another account", or deny. */
export type Decision = { approve: string } | { other: { accountName: string; accountId: string } } | 'deny';

/**
 * Clicks what opens the authorization pop-up, then acts on the platform's real sign-in page:
 * picks the account by its visible name and approves, or denies. Resolves once the pop-up has
 * closed (after the platform redirected to the backend's callback).
 */
export async function authorizeInPopup(page: Page, trigger: Locator, decision: Decision): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), trigger.click()]);
  popup.setDefaultTimeout(TIMEOUT);
  const closed = popup.waitForEvent('close', { timeout: TIMEOUT });
  if (decision === 'deny') {
    await popup.getByRole('button', { name: said('Deny') }).click();
  } else if ('other' in decision) {
    await popup.getByRole('radio', { name: /^Another account/ }).check();
    await popup.getByLabel('Account name').fill(decision.other.accountName);
    await popup.getByLabel('Account ID').fill(decision.other.accountId);
    await popup.getByRole('button', { name: said('Approve') }).click();
  } else {
    await popup.getByRole('radio', { name: new RegExp(`^${escapeRegExp(decision.approve)}\\b`) }).check();
    await popup.getByRole('button', { name: said('Approve') }).click();
  }
  await closed;
  return popup;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the host page's event log shows an event of that type; returns its detail. */
export async function loggedEvent(page: Page, type: string): Promise<unknown> {
  const entry = page.locator(`#event-log li[data-type="${type}"]`).first();
  await visible(entry);
  return JSON.parse((await entry.locator('.event-detail').textContent()) ?? 'null');
}

/** What assistive technology is told of the focused element: Chromium's computed role and name. */
export interface Focused {
  role: string;
  name: string;
  description?: string;
  /** The element's tag: `body` when focus was lost. */
  tag: string;
}

const unisolated = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

/** The focused element, through shadow roots, as the accessibility tree has it (CDP). */
export async function focused(page: Page): Promise<Focused> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const node = (await focusedNode((method: string, params?: object) => cdp.send(method as never, params as never))) as Focused;
    return { ...node, name: unisolated(node.name) };
  } finally {
    await cdp.detach();
  }
}

const where = (f: Focused) => (f.tag === 'body' || !f.tag ? '<body> (focus lost)' : `${f.role} "${f.name}"`);

/**
 * Waits until focus is on a `role` named `name` (exactly, isolates aside; or matching a RegExp),
 * and fails saying where it is instead, <body> included. Returns what has focus.
 */
export async function focusIs(page: Page, role: string, name: string | RegExp): Promise<Focused> {
  const matches = (f: Focused) => f.role === role && (typeof name === 'string' ? f.name === name : name.test(f.name));
  const end = Date.now() + TIMEOUT;
  let now = await focused(page);
  while (!matches(now) && Date.now() < end) {
    await page.waitForTimeout(100);
    now = await focused(page);
  }
  assert.notEqual(now.tag, 'body', `focus fell to <body>; wanted ${role} "${name}"`);
  assert.ok(matches(now), `focus is on ${where(now)}; wanted ${role} "${name}"`);
  return now;
}

/** Presses Tab (Shift+Tab with `back`) until focus is on `role` named `name`, as a keyboard user gets there. */
export async function tabTo(page: Page, role: string, name: string | RegExp, { back = false, limit = 80 } = {}): Promise<Focused> {
  const matches = (f: Focused) => f.role === role && (typeof name === 'string' ? f.name === name : name.test(f.name));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (matches(now)) return now;
  }
  assert.fail(`${role} "${name}" not reached within ${limit} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Presses `key` on the focused control, which opens the authorization pop-up; returns the pop-up. */
export async function popupFrom(page: Page, key = 'Enter'): Promise<Page> {
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press(key)]);
  popup.setDefaultTimeout(TIMEOUT);
  return popup;
}

/** In the provider's page: approves `account` (by its visible name) or denies; resolves once the pop-up closed. */
export async function decide(popup: Page, decision: { approve: string } | 'deny'): Promise<void> {
  const closed = popup.waitForEvent('close', { timeout: TIMEOUT });
  if (decision === 'deny') {
    await popup.getByRole('button', { name: said('Deny') }).click();
  } else {
    await popup.getByRole('radio', { name: new RegExp(`^${escapeRegExp(decision.approve)}\\b`) }).check();
    await popup.getByRole('button', { name: said('Approve') }).click();
  }
  await closed;
}

/**
 * The page's problems minus the requests the widgets cancel themselves: a logo left behind by a
 * re-render, and the poll for an authorization's outcome, stopped once the outcome came another
 * way (the pop-up's message). Neither reaches the user.
 */
export function faults(problems: string[]): string[] {
  return problems.filter((p) => !/^failed GET .*(\/logos\/.*|\/api\/authorizations\/[\w-]+): net::ERR_ABORTED$/.test(p));
}

