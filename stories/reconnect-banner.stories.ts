import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { connection, connections, expiringConnection } from '../mocks/data.js';
import { installFakePopup } from '../mocks/popup.js';
import type { Strings } from '../src/strings/strings.js';
import { endpointOf, serve, unreachable } from './support/endpoint.js';
import { clickPart, part, waitFor } from './support/play.js';
import { googleAdsWith, longNames } from './support/sources.js';

interface BannerArgs {
  source: string;
  connection?: string;
  theme?: 'light' | 'dark';
  locale?: string;
  headingLevel: number;
}

function banner(args: BannerArgs, context: { id: string }): TemplateResult {
  return html`<data-source-provider endpoint=${endpointOf(context)}>
    <reconnect-banner
      source=${args.source}
      connection=${ifDefined(args.connection || undefined)}
      theme=${ifDefined(args.theme)}
      locale=${ifDefined(args.locale)}
      heading-level=${args.headingLevel}
    ></reconnect-banner>
  </data-source-provider>`;
}

/** Says why the canvas is blank, for the states where the banner rightly shows nothing. */
const hidden = (why: string) => ({ docs: { description: { story: `Renders nothing: ${why}` } } });

const meta: Meta<BannerArgs> = {
  title: 'Widgets/reconnect-banner',
  component: 'reconnect-banner',
  args: { source: 'google-ads', headingLevel: 2 },
  argTypes: {
    source: { control: 'text' },
    connection: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 1, max: 6 } },
  },
  // Dismissing lasts for the browser session: every story starts with nothing dismissed.
  beforeEach: () => {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith('dsw-reconnect-banner:')) sessionStorage.removeItem(key);
    }
  },
  render: (args, context) => banner(args, context),
};
export default meta;

type Story = StoryObj<BannerArgs>;

export const OneFailing: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3, [1]))]),
};

/** Several failing accounts: the title counts them and a pager goes through them. */
/** "Open connection settings" clicked: the dialog the banner opens, in the banner's shadow root. */
export const SettingsOpen: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3, [1]))]),
  play: async ({ canvasElement }) => {
    await clickPart(canvasElement, 'reconnect-banner', 'settings-button');
    const banner = canvasElement.querySelector('reconnect-banner');
    await waitFor(() => part(banner, 'settings-dialog')?.hasAttribute('open'), 'the open dialog');
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

export const SomeFailing: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(5, [0, 2, 4]))]),
};

export const Loading: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2, [1]))], { latency: 'infinite' }),
  parameters: { settles: false, ...hidden('nothing is known to have failed yet.') },
};

export const AllHealthy: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3))]),
  parameters: hidden('every connection works.'),
};

export const NotConnected: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
  parameters: hidden('no account is connected, so none can fail (the card offers Connect).'),
};

export const AllInError: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2, [0, 1]))]),
};

/** With `connection`, the banner is about that one account only. */
export const OneConnection: Story = {
  args: { connection: 'conn_3' },
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(4, [1, 2]))]),
};

export const EndpointUnreachable: Story = {
  beforeEach: (context) => void unreachable(context),
  parameters: hidden('a failed load is not a failed connection (the card shows it, with Retry).'),
};

export const Unauthorized: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2, [1]))], { failWith: 401 }),
  parameters: hidden('the session expired; the card says so.'),
};

export const PopupBlocked: Story = {
  beforeEach: (context) => {
    serve(context, [googleAdsWith(connections(2, [1]))]);
    // window.open returns null, as a pop-up blocker makes it do; restored after the story.
    const popup = installFakePopup({ blocked: true });
    return () => popup.restore();
  },
  play: async ({ canvasElement }) => {
    await clickPart(canvasElement, 'reconnect-banner', 'reconnect-button');
    await waitFor(() => part(canvasElement.querySelector('reconnect-banner'), 'notice'), 'the blocked notice');
  },
  // In its own frame on the docs page, so that the blocking stays in this story.
  parameters: { docs: { story: { inline: false, height: '14rem' } } },
};

export const VeryLongNames: Story = {
  beforeEach: (context) => void serve(context, [longNames()]),
};

export const UnknownSource: Story = {
  args: { source: 'tiktok-ads' },
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
  parameters: hidden('the endpoint does not know this data source (the card says so).'),
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3, [0, 2]))]),
  render: (args, context) => html`<div style="background: #030712; color-scheme: dark; padding: 1.5rem">
    ${banner(args, context)}
  </div>`,
};

export const RightToLeft: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3, [0, 2]))]),
  render: (args, context) => html`<div dir="rtl">${banner(args, context)}</div>`,
};

/** Visible labels change with their accessible names (`reconnect` and `reconnectLabel`). */
const acmeStrings: Partial<Strings> = {
  reconnect: 'Link again',
  reconnectLabel: (account) => `Link again ${account}`,
  openSettings: 'Manage linked accounts',
  bannerTitle: (account) => `${account} is no longer linked`,
};

export const WhiteLabel: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2, [1]))]),
  render: (args, context) => html`<style>
      .acme {
        --dsw-font-family: Georgia, 'Times New Roman', serif;
        --dsw-radius: 2px;
        --dsw-color-danger: #9f1239;
        --dsw-color-focus: #0f766e;
        --dsw-banner-background: #fff7ed;
        /* A light-only background: the text on it stays the light theme's in a dark OS. */
        color-scheme: light;
        --dsw-banner-border-color: #c2410c;
        --dsw-banner-padding: 1.25rem;
      }
      .acme reconnect-banner::part(title) {
        font-size: 1.1em;
      }
    </style>
    <data-source-provider class="acme" endpoint=${endpointOf(context)} .strings=${acmeStrings}>
      <reconnect-banner source=${args.source} heading-level=${args.headingLevel}></reconnect-banner>
    </data-source-provider>`,
};

/**
 * Clicks do what they do in the product (in every story, in fact), against a stateful mock
 * endpoint: Re-connect opens a simulated provider page (allow, deny, sign in as another
 * account, or close it), the pager moves between failures, "Open connection settings" opens the
 * dialog, and the close button dismisses the banner for the session.
 */
export const Interactive: Story = {
  beforeEach: (context) =>
    void serve(context, [
      googleAdsWith([...connections(3, [0, 2]), connection(3, { accountName: 'Agency account' })]),
    ]),
  // Its own frame on the docs page: room for the settings dialog it opens.
  parameters: { docs: { story: { inline: false, height: '36rem' } } },
};
