import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { connection, connections, expiringConnection } from '../mocks/data.js';
import { installFakePopup } from '../mocks/popup.js';
import type { Strings } from '../src/strings/strings.js';
import { endpointOf, failReloads, serve, unreachable } from './support/endpoint.js';
import { clickPart, failedReload, part, waitFor } from './support/play.js';
import { catalog, googleAdsWith, logos, longNames } from './support/sources.js';

interface CardArgs {
  source: string;
  theme?: 'light' | 'dark';
  locale?: string;
  headingLevel: number;
}

/** One card per source ID, under a provider talking to this story's mock endpoint. */
function cards(args: CardArgs, context: { id: string }, sources: string[] = [args.source]): TemplateResult {
  return html`<data-source-provider endpoint=${endpointOf(context)}>
    <div style="display: grid; gap: 1rem; max-inline-size: 36rem">
      ${sources.map(
        (source) => html`<data-source-card
          source=${source}
          theme=${ifDefined(args.theme)}
          locale=${ifDefined(args.locale)}
          heading-level=${args.headingLevel}
        ></data-source-card>`,
      )}
    </div>
  </data-source-provider>`;
}

const meta: Meta<CardArgs> = {
  title: 'Widgets/data-source-card',
  component: 'data-source-card',
  args: { source: 'google-ads', headingLevel: 3 },
  argTypes: {
    source: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  render: (args, context) => cards(args, context),
};
export default meta;

type Story = StoryObj<CardArgs>;

export const NotConnected: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
};

export const Loading: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith()], { latency: 'infinite' }),
  // The story test does not wait for this one to load: it never does.
  parameters: { settles: false },
};

export const OneAccount: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(1))]),
};

export const ManyAccounts: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(12))]),
};

/** "Connection settings" clicked: the dialog the card opens, rendered in the card's shadow root. */
export const SettingsOpen: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3, [1]))]),
  play: async ({ canvasElement }) => {
    await clickPart(canvasElement, 'data-source-card', 'settings-button');
    const card = canvasElement.querySelector('data-source-card');
    await waitFor(() => part(card, 'settings-dialog')?.hasAttribute('open'), 'the open dialog');
  },
};

/** An account whose authorization expires in 5 days: "Expiring", calmer than a failure, with Re-connect. */
export const ExpiringSoon: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith([connection(0), expiringConnection(1, 5), connection(2)])]),
};

/** An authorization that expired: an Error with the reason "expired", like any failure. */
export const Expired: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith([connection(0), expiringConnection(1, -1)])]),
};

export const SomeInError: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(4, [1, 3]))]),
};

export const AllInError: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2, [0, 1]))]),
};

export const EndpointUnreachable: Story = {
  beforeEach: (context) => void unreachable(context),
};

/**
 * Data was shown, then refreshing it failed (here the play function forces a refresh, as
 * window focus or another widget's change would): the data stays, with a quiet line and Retry.
 */
export const RefreshFailed: Story = {
  beforeEach: (context) => {
    serve(context, [googleAdsWith(connections(3, [2]))]);
    failReloads(context);
  },
  play: ({ canvasElement }) => failedReload(canvasElement, 'data-source-card', 'settings-button'),
};

export const Unauthorized: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(1))], { failWith: 401 }),
};

export const PopupBlocked: Story = {
  beforeEach: (context) => {
    serve(context, [googleAdsWith()]);
    // window.open returns null, as a pop-up blocker makes it do; restored after the story.
    const popup = installFakePopup({ blocked: true });
    return () => popup.restore();
  },
  // In its own frame on the docs page, so that the blocking stays in this story.
  parameters: { docs: { story: { inline: false, height: '14rem' } } },
  play: async ({ canvasElement }) => {
    await clickPart(canvasElement, 'data-source-card', 'connect-button');
    await waitFor(() => part(canvasElement.querySelector('data-source-card'), 'notice')?.textContent?.trim(), 'the blocked notice');
  },
};

export const VeryLongNames: Story = {
  beforeEach: (context) => void serve(context, [longNames()]),
};

export const UnknownSource: Story = {
  args: { source: 'tiktok-ads' },
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
};

const states = ['facebook-ads', 'linkedin-ads', 'google-ads'];

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  beforeEach: (context) => void serve(context, catalog()),
  render: (args, context) => html`<div style="background: #030712; color-scheme: dark; padding: 1.5rem">
    ${cards(args, context, states)}
  </div>`,
};

export const RightToLeft: Story = {
  beforeEach: (context) => void serve(context, catalog()),
  render: (args, context) => html`<div dir="rtl">${cards(args, context, states)}</div>`,
};

/**
 * A partner's brand: its font, colours, radius, words and logo, and one part restyled. A
 * visible label and its accessible name change together (`reconnect` and `reconnectLabel`):
 * the name must contain what the button shows (WCAG 2.5.3).
 */
const acmeStrings: Partial<Strings> = {
  connect: 'Link account',
  connectionSettings: 'Manage linked accounts',
  notConnected: 'No account linked yet',
  accountCount: (count) => `${count} linked ${count === 1 ? 'account' : 'accounts'}`,
  reconnect: 'Link again',
  reconnectLabel: (account) => `Link again ${account}`,
};

export const WhiteLabel: Story = {
  beforeEach: (context) => void serve(context, catalog()),
  render: (args, context) => html`<style>
      .acme {
        --dsw-font-family: Georgia, 'Times New Roman', serif;
        --dsw-radius: 2px;
        --dsw-color-primary: #0f766e;
        --dsw-color-settings: #5b21b6;
        --dsw-color-danger: #9f1239;
        --dsw-color-focus: #0f766e;
        --dsw-card-border: 2px solid #0f766e;
        --dsw-card-shadow: 0 2px 8px rgb(15 118 110 / 0.25);
        /* A brand made for light pages: said so, it stays light in a dark OS. */
        color-scheme: light;
      }
      .acme data-source-card::part(name) {
        letter-spacing: 0.04em;
        text-transform: uppercase;
      }
    </style>
    <data-source-provider class="acme" endpoint=${endpointOf(context)} .strings=${acmeStrings}>
      <div style="display: grid; gap: 1rem; max-inline-size: 36rem">
        <data-source-card source="facebook-ads" heading-level=${args.headingLevel}>
          <img slot="logo" src=${logos.hubspot} alt="" width="40" height="40" />
        </data-source-card>
        <data-source-card source="google-ads" heading-level=${args.headingLevel}></data-source-card>
      </div>
    </data-source-provider>`,
};

/**
 * Clicks do what they do in the product (in every story, in fact), against a stateful mock
 * endpoint: Connect opens a simulated provider page (allow, deny, or close it), Connection
 * settings opens the dialog (delete, make main, refresh), Re-connect re-authorizes. Change
 * `source` to try the others: `google-ads` (one failing), `facebook-ads` (none),
 * `linkedin-ads`, `ga4` (all failing), `hubspot`.
 */
export const Interactive: Story = {
  args: { source: 'facebook-ads' },
  beforeEach: (context) => void serve(context, catalog()),
  // Its own frame on the docs page: room for the settings dialog it opens.
  parameters: { docs: { story: { inline: false, height: '36rem' } } },
};
