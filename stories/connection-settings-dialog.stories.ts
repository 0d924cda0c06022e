import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { connection, connections, expiredGrant, expiringConnection } from '../mocks/data.js';
import { installFakePopup } from '../mocks/popup.js';
import type { Connection } from '../src/api/types.js';
import type { ConnectionSettingsDialog } from '../src/connection-settings-dialog/connection-settings-dialog.js';
import type { Strings } from '../src/strings/strings.js';
import { endpointOf, failReloads, serve, unreachable } from './support/endpoint.js';
import { clickPart, failedReload, part, waitFor } from './support/play.js';
import { googleAdsWith, logos, longNames } from './support/sources.js';

interface DialogArgs {
  source: string;
  open: boolean;
  locale?: string;
  theme?: 'light' | 'dark';
}

/** The dialog under a provider talking to this story's endpoint, with a button to reopen it. */
function dialog(args: DialogArgs, context: { id: string }, content: TemplateResult | string = ''): TemplateResult {
  const reopen = (event: Event) =>
    ((event.currentTarget as Element).nextElementSibling as ConnectionSettingsDialog).show();
  return html`<data-source-provider endpoint=${endpointOf(context)}>
    <button type="button" @click=${reopen}>Open connection settings</button>
    <connection-settings-dialog
      source=${args.source}
      .open=${args.open}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      >${content}</connection-settings-dialog
    >
  </data-source-provider>`;
}

const meta: Meta<DialogArgs> = {
  title: 'Widgets/connection-settings-dialog',
  component: 'connection-settings-dialog',
  // Dates in one locale, so that screenshots and reviews compare like with like.
  args: { source: 'google-ads', open: true, locale: 'en-US' },
  argTypes: {
    source: { control: 'text' },
    open: { control: 'boolean' },
    locale: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args, context) => dialog(args, context),
  parameters: {
    // A modal covers the page: on the docs page, each story gets a frame of its own.
    docs: { story: { inline: false, height: '40rem' } },
  },
};
export default meta;

type Story = StoryObj<DialogArgs>;

/**
 * Clicks do what they do in the product (in every story, in fact), against a stateful mock
 * endpoint: sort, filter, delete (with its confirmation), make main, refresh, Re-connect the
 * failing account, and Add or Update Connector, which opens a simulated provider page (allow,
 * deny, sign in as another account, or close it).
 */
export const Interactive: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(5, [2]))]),
};

export const Loading: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3))], { latency: 'infinite' }),
  // The story test does not wait for this one to load: it never does.
  parameters: { settles: false },
};

export const Empty: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
};

/** The `empty` slot replaces the default text when no account is connected. */
export const EmptySlot: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
  render: (args, context) =>
    dialog(
      args,
      context,
      html`<div slot="empty">
        <p><strong>No Google Ads account yet.</strong></p>
        <p>Connect one to import campaigns, costs and conversions every hour.</p>
      </div>`,
    ),
};

export const OneAccount: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(1))]),
};

/** Above ten accounts a filter box appears. */
export const ManyAccounts: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(14, [5]))]),
};

const fiveHundred = (): Connection[] =>
  connections(500, [3, 77, 250]).map((c, i) => ({ ...c, accountName: `${['Brand', 'Search', 'Display', 'Video'][i % 4]} account ${i + 1}` }));

export const FiveHundredAccounts: Story = {
  name: '500 accounts',
  beforeEach: (context) => void serve(context, [googleAdsWith(fiveHundred())]),
};

/**
 * Only the rows near the viewport are rendered, so 10,000 accounts open, sort and filter as
 * fast as a few dozen; the filter finds any of them (find-in-page sees only the rendered rows).
 * Arrow keys move between rows, Home and End to the first and the last.
 */
export const TenThousandAccounts: Story = {
  name: '10,000 accounts',
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(10_000, [3, 77, 5000, 9990]))]),
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
  beforeEach: (context) =>
    void serve(context, [
      googleAdsWith([
        connection(0, { status: 'error', error: expiredGrant }),
        connection(1, { status: 'error', error: { code: 'platform_unreachable', message: 'Google Ads did not answer. We will try again in 15 minutes.' } }),
      ]),
    ]),
};

export const EndpointUnreachable: Story = {
  beforeEach: (context) => void unreachable(context),
};

/**
 * The rows were shown, then reloading them failed (the play function forces a reload, as window
 * focus or another widget's change would): the rows stay, under a quiet note with Retry.
 */
export const RefreshFailed: Story = {
  beforeEach: (context) => {
    serve(context, [googleAdsWith(connections(3, [2]))]);
    failReloads(context);
  },
  play: ({ canvasElement }) => failedReload(canvasElement, 'connection-settings-dialog', 'row'),
};

export const Unauthorized: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(2))], { failWith: 401 }),
};

export const PopupBlocked: Story = {
  beforeEach: (context) => {
    serve(context, [googleAdsWith(connections(2))]);
    // window.open returns null, as a pop-up blocker makes it do; restored after the story.
    const popup = installFakePopup({ blocked: true });
    return () => popup.restore();
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('connection-settings-dialog');
    await waitFor(() => el?.shadowRoot?.querySelector('tr[data-id]'), 'the rows');
    await clickPart(canvasElement, 'connection-settings-dialog', 'add-button');
    await waitFor(() => part(el, 'message')?.textContent?.trim(), 'the blocked message');
  },
};

/** The confirmation asked before a delete (Cancel keeps the account). */
export const ConfirmDelete: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(3))]),
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('connection-settings-dialog');
    const trash = await waitFor(
      () => el?.shadowRoot?.querySelector<HTMLElement>('tr[data-id="conn_2"] [data-action="delete"]'),
      'the delete button of the second row',
    );
    trash.click();
    await waitFor(() => el?.shadowRoot?.querySelector<HTMLDialogElement>('#confirm')?.open, 'the confirmation');
  },
};

export const VeryLongNames: Story = {
  beforeEach: (context) => void serve(context, [longNames()]),
};

export const UnknownSource: Story = {
  args: { source: 'tiktok-ads' },
  beforeEach: (context) => void serve(context, [googleAdsWith()]),
};

export const DarkTheme: Story = {
  args: { theme: 'dark' },
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(4, [1]))]),
  render: (args, context) => html`<div style="background: #030712; color-scheme: dark; min-block-size: 100vh">
    ${dialog(args, context)}
  </div>`,
};

export const RightToLeft: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(4, [1]))]),
  render: (args, context) => html`<div dir="rtl">${dialog(args, context)}</div>`,
};

/** Visible labels change with their accessible names (`makeMain` and `makeMainLabel`). */
const acmeStrings: Partial<Strings> = {
  dialogTitle: (source) => `Linked ${source} accounts`,
  addOrUpdate: 'Link an account',
  main: 'Default',
  secondary: 'Backup',
  makeMain: 'Use by default',
  makeMainLabel: (account) => `Use by default: ${account}`,
};

export const WhiteLabel: Story = {
  beforeEach: (context) => void serve(context, [googleAdsWith(connections(4, [2]))]),
  render: (args, context) => html`<style>
      .acme {
        --dsw-font-family: Georgia, 'Times New Roman', serif;
        --dsw-radius: 2px;
        --dsw-color-primary: #0f766e;
        --dsw-color-danger: #9f1239;
        --dsw-color-focus: #0f766e;
        --dsw-color-backdrop: rgb(15 118 110 / 0.45);
        --dsw-dialog-inline-size: min(56rem, 100vw - 2rem);
        /* A brand made for light pages: said so, it stays light in a dark OS. */
        color-scheme: light;
      }
      .acme connection-settings-dialog::part(header) {
        border-block-end: 3px solid #0f766e;
      }
    </style>
    <data-source-provider class="acme" endpoint=${endpointOf(context)} .strings=${acmeStrings}>
      <connection-settings-dialog source=${args.source} .open=${args.open} locale=${ifDefined(args.locale)}>
        <img slot="logo" src=${logos.hubspot} alt="" width="28" height="28" />
      </connection-settings-dialog>
    </data-source-provider>`,
};

