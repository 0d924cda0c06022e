import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { connections } from '../mocks/data.js';
import type { MockEndpoint } from '../mocks/endpoint.js';
import type { Connection } from '../src/api/types.js';
import type { ConnectionSettingsDialog } from '../src/connection-settings-dialog/connection-settings-dialog.js';
import { endpointOf, serve, type Context } from './support/endpoint.js';
import { part, waitFor } from './support/play.js';
import { googleAdsWith } from './support/sources.js';

interface SelectionArgs {
  locale?: string;
  theme?: 'light' | 'dark';
}

/** The stories' endpoints, by story id: the play function offers the accounts through its one. */
const endpoints = new Map<string, MockEndpoint>();

type Account = { accountName: string; accountId: string };

/** Client accounts of an agency's manager account, as a sign-in with it reaches them. */
const clients = (count: number): Account[] =>
  Array.from({ length: count }, (_, i) => ({
    accountName: `${['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware'][i % 5]} ${['Search', 'Display', 'Video', 'Shopping'][i % 4]} ${i + 1}`,
    accountId: `${String(100 + (i % 900)).padStart(3, '0')}-${String(4000 + i).padStart(4, '0')}-${String(7000 + i * 7).slice(-4)}`,
  }));

/**
 * The account selection opens in the settings dialog, in the host's brand, when a sign-in
 * reaches several accounts (a manager account and its clients). The play function ends a sign-in
 * that way; in Storybook, the dialog then shows the step: search, Select all, the count, the main
 * account, Cancel and Connect, all working against the story's mock endpoint.
 */
const meta: Meta<SelectionArgs> = {
  title: 'Widgets/connection-settings-dialog/Account selection',
  component: 'connection-settings-dialog',
  args: { locale: 'en-US' },
  argTypes: {
    locale: { control: 'text' },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args, context) => dialog(args, context),
  parameters: {
    docs: { story: { inline: false, height: '44rem' } },
  },
};
export default meta;

type Story = StoryObj<SelectionArgs>;

function dialog(args: SelectionArgs, context: { id: string }) {
  return html`<data-source-provider endpoint=${endpointOf(context)}>
    <connection-settings-dialog source="google-ads" open locale=${ifDefined(args.locale)} theme=${ifDefined(args.theme)}></connection-settings-dialog>
  </data-source-provider>`;
}

/** A story whose sign-in reaches `accounts`, with `connected` already connected. */
function offering(accounts: (connected: Connection[]) => Account[], connected: Connection[] = []): Story {
  return {
    beforeEach: (context) => void endpoints.set(context.id, serve(context as Context, [googleAdsWith(connected)])),
    play: async ({ canvasElement, id }) => {
      const el = canvasElement.querySelector<ConnectionSettingsDialog>('connection-settings-dialog')!;
      await waitFor(() => el.shadowRoot?.querySelector('tr[data-id], .empty'), 'the dialog loaded');
      const outcome = endpoints.get(id)!.offer(accounts(connected), { sourceId: 'google-ads' });
      void el.chooseAccounts?.({ sourceId: 'google-ads', ...outcome });
      await waitFor(() => part(el, 'selection')?.querySelector('li.pick'), 'the selection step');
    },
  };
}

/** Three accounts reached; none connected yet. */
export const SelectionOfThree: Story = offering(() => clients(3));

/** An agency's 500 client accounts: search, keyboard and a windowed list keep it usable. */
export const SelectionOfFiveHundred: Story = offering(() => clients(500));

/** Two of the accounts reached are connected already: marked, and checked from the start. */
export const SomeAlreadyConnected: Story = offering(
  (connected) => [...connected.map(({ accountName, accountId }) => ({ accountName, accountId })), ...clients(4)],
  connections(2),
);

/** The step in the dark theme, right to left, in Arabic. */
export const RightToLeftDark: Story = {
  ...offering(() => clients(6), connections(1)),
  args: { locale: 'ar', theme: 'dark' },
  render: (args, context) => html`<div dir="rtl" lang="ar">${dialog(args, context)}</div>`,
};
