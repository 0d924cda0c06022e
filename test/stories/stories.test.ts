// Every story is a test: each is set up and rendered as Storybook would (its beforeEach with an
// msw worker, its render with the merged args, its play function), then must settle without a
// console error or warning (Lit's dev-mode warnings included) and pass axe. So every state a
// designer looks at is also checked, and a story that breaks fails `npm test`. Last, every
// part and CSS property that custom-elements.json documents must be real: each part shown by
// some story, each property read by the element's styles.
import { expect } from '@open-wc/testing';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/define.js';
import type { DataSourceProvider } from '../../src/data-source-provider/data-source-provider.js';
import type { ConnectionStore } from '../../src/store/connection-store.js';
import { sharedStore } from '../../src/store/shared-stores.js';
import * as card from '../../stories/data-source-card.stories.js';
import * as dialog from '../../stories/connection-settings-dialog.stories.js';
import * as banner from '../../stories/reconnect-banner.stories.js';
import * as provider from '../../stories/data-source-provider.stories.js';
import * as selection from '../../stories/account-selection.stories.js';
import { useHandlers, worker } from '../helpers/msw.js';

type Module = { default: Meta } & Record<string, unknown>;
const modules = [card, dialog, banner, provider, selection] as unknown as Module[];

const WIDGETS = 'data-source-card, connection-settings-dialog, reconnect-banner';

/** Lit announces dev mode once per page; that notice is the only message a story may cause. */
const allowed = (message: string) => message.includes('Lit is in dev mode');

type Cleanup = () => unknown;
type Hook = (context: StoryContext) => unknown;

const hooks = (value: unknown): Hook[] => (Array.isArray(value) ? value : value ? [value] : []) as Hook[];

/** Storybook's kind of id ("widgets-data-source-card--one-account"): unique per story. */
const slug = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The store a widget reads: its provider's, or the shared one of its own endpoint. */
function storeOf(el: Element & { endpoint?: string }): ConnectionStore | undefined {
  const provider = el.closest<DataSourceProvider>('data-source-provider');
  if (provider) return provider.store;
  return el.endpoint ? sharedStore(el.endpoint) : undefined;
}

/** Every widget in the story has its data (or its error), and nothing in it is busy. */
function settled(root: Element): boolean {
  return [...root.querySelectorAll<Element & { source: string }>(WIDGETS)].every((el) => {
    const state = storeOf(el)?.get(el.source);
    const loaded = state && (state.status === 'ready' || state.status === 'error') && !state.revalidating && state.busy.size === 0;
    return loaded && !el.shadowRoot?.querySelector('[aria-busy="true"]');
  });
}

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Part names seen per element tag, over every story (shadow roots inside shadow roots too). */
const partsSeen = new Map<string, Set<string>>();

function recordParts(root: Element | ShadowRoot): void {
  for (const el of root.querySelectorAll('*')) {
    const host = (el.getRootNode() as ShadowRoot).host;
    const names = el.getAttribute('part');
    if (host && names) {
      const seen = partsSeen.get(host.localName) ?? new Set<string>();
      for (const name of names.split(/\s+/).filter(Boolean)) seen.add(name);
      partsSeen.set(host.localName, seen);
    }
    if (el.shadowRoot) recordParts(el.shadowRoot);
  }
}

/**
 * The conditions a user may view a story in, each checked with axe after the plain one (light):
 * dark (the OS preference, on a page that declares it can be dark: what a white-label theme
 * made for light pages must survive), forced colours, and reduced motion.
 */
const conditions: Array<{ name: string; on(): Promise<unknown>; off(): Promise<unknown>; query: string }> = [
  {
    name: 'dark',
    query: '(prefers-color-scheme: dark)',
    on: async () => {
      document.documentElement.style.colorScheme = 'light dark';
      await emulateMedia({ colorScheme: 'dark' });
    },
    off: async () => {
      document.documentElement.style.colorScheme = '';
      await emulateMedia({ colorScheme: 'light' });
    },
  },
  {
    name: 'forced colours',
    query: '(forced-colors: active)',
    on: () => executeServerCommand('forced-colors', { active: true }),
    off: () => executeServerCommand('forced-colors', { active: false }),
  },
  {
    name: 'reduced motion',
    query: '(prefers-reduced-motion: reduce)',
    on: () => emulateMedia({ reducedMotion: 'reduce' }),
    off: () => emulateMedia({ reducedMotion: 'no-preference' }),
  },
];

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

async function rendered(root: Element): Promise<void> {
  for (const el of root.querySelectorAll<Element & { updateComplete?: Promise<unknown> }>(`${WIDGETS}, data-source-provider`)) {
    await el.updateComplete;
  }
}

for (const module of modules) {
  const meta = module.default;
  describe(`stories: ${meta.title}`, function () {
    // Generous for a busy 2-core machine: unreachable endpoints are retried with backoff before
    // the widgets give up (about 2 s), and axe goes through the whole 500-account table.
    this.timeout(30_000);
    const messages: string[] = [];
    const cleanups: Cleanup[] = [];
    let container: HTMLElement | undefined;
    const original = { error: console.error, warn: console.warn };
    const record = (event: ErrorEvent | PromiseRejectionEvent) =>
      messages.push(`uncaught: ${'reason' in event ? String(event.reason) : event.message}`);

    beforeEach(async () => {
      messages.length = 0;
      // No handler outlives a story: each story registers its own in its beforeEach.
      await useHandlers();
      for (const level of ['error', 'warn'] as const) {
        console[level] = (...args: unknown[]) => {
          messages.push(`console.${level}: ${args.map(String).join(' ')}`);
          original[level].apply(console, args);
        };
      }
      addEventListener('error', record);
      addEventListener('unhandledrejection', record);
    });

    afterEach(async () => {
      container?.remove();
      container = undefined;
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      Object.assign(console, original);
      removeEventListener('error', record);
      removeEventListener('unhandledrejection', record);
    });

    for (const [exportName, value] of Object.entries(module)) {
      if (exportName === 'default') continue;
      const story = value as StoryObj;
      it(exportName, async () => {
        const args = { ...meta.args, ...story.args };
        const parameters = { ...meta.parameters, ...story.parameters };
        container = document.createElement('div');
        document.body.append(container);
        const context = {
          id: `${slug(meta.title!)}--${slug(exportName)}`,
          name: story.name ?? exportName,
          title: meta.title,
          args,
          parameters,
          msw: worker,
          canvasElement: container,
        } as unknown as StoryContext;

        for (const hook of [...hooks(meta.beforeEach), ...hooks(story.beforeEach)]) {
          const cleanup = await hook(context);
          if (typeof cleanup === 'function') cleanups.push(cleanup as Cleanup);
        }
        // A story's own render wins over the component's, as in Storybook.
        const draw = story.render ?? meta.render;
        render(draw!(args, context) as unknown, container);
        const root = container;
        await rendered(root);

        if (parameters.settles !== false) {
          await until(() => settled(root), `${exportName} to settle`);
          await rendered(root);
        }
        if (story.play) {
          await story.play(context as Parameters<NonNullable<StoryObj['play']>>[0]);
          await rendered(root);
        }

        recordParts(root);
        await expect(root).to.be.accessible();
        for (const condition of conditions) {
          await condition.on();
          try {
            expect(matchMedia(condition.query).matches, `${condition.name} emulated`).to.equal(true);
            await nextFrame();
            await expect(root, condition.name).to.be.accessible();
          } catch (error) {
            throw new Error(`In ${condition.name}: ${(error as Error).message}`);
          } finally {
            await condition.off();
          }
        }
        expect(messages.filter((message) => !allowed(message)), 'console errors and warnings').to.deep.equal([]);
      });
    }
  });
}

interface ManifestElement {
  tagName?: string;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
}

describe('the theming API documented in custom-elements.json', () => {
  let elements: ManifestElement[] = [];

  before(async () => {
    const manifest = (await (await fetch(new URL('../../custom-elements.json', import.meta.url))).json()) as {
      modules: Array<{ declarations?: ManifestElement[] }>;
    };
    elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName && d.cssParts?.length);
  });

  it('every documented part is shown by some story', () => {
    expect(elements.map((e) => e.tagName)).to.include.members(['data-source-card', 'connection-settings-dialog', 'reconnect-banner']);
    for (const element of elements) {
      const seen = partsSeen.get(element.tagName!) ?? new Set();
      const missing = element.cssParts!.map((p) => p.name).filter((name) => !seen.has(name));
      expect(missing, `${element.tagName}: documented parts no story shows`).to.deep.equal([]);
    }
  });

  it('every documented CSS property is read by the element\'s styles', () => {
    for (const element of elements) {
      const styles = customElements.get(element.tagName!) as unknown as { elementStyles: Array<{ cssText: string }> };
      const css = styles.elementStyles.map((s) => s.cssText).join('\n');
      const unread = (element.cssProperties ?? []).map((p) => p.name).filter((name) => !css.includes(`var(${name}`));
      expect(unread, `${element.tagName}: documented properties its styles never read`).to.deep.equal([]);
    }
  });
});
