import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Strings } from '../src/strings/strings.js';
import { endpointOf, serve } from './support/endpoint.js';
import { catalog } from './support/sources.js';

interface ProviderArgs {
  locale?: string;
  timeoutMs: number;
  strings?: Partial<Strings>;
}

const sources = ['google-ads', 'facebook-ads', 'linkedin-ads', 'ga4', 'hubspot'];

/** A host page: banners for the failing sources above a grid of cards, all under one provider. */
function page(args: ProviderArgs, context: { id: string }): TemplateResult {
  return html`<data-source-provider
    endpoint=${endpointOf(context)}
    locale=${ifDefined(args.locale)}
    timeout-ms=${args.timeoutMs}
    .strings=${args.strings}
  >
    <div style="display: grid; gap: 1rem">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <reconnect-banner source="ga4"></reconnect-banner>
      <div style="display: grid; gap: 1rem; align-items: start; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr))">
        ${sources.map((source) => html`<data-source-card source=${source}></data-source-card>`)}
      </div>
    </div>
  </data-source-provider>`;
}

const meta: Meta<ProviderArgs> = {
  title: 'Widgets/data-source-provider',
  component: 'data-source-provider',
  args: { timeoutMs: 15000 },
  argTypes: {
    locale: { control: 'text' },
    timeoutMs: { control: { type: 'number', min: 1000, step: 1000 } },
    strings: { control: 'object' },
  },
  render: (args, context) => page(args, context),
};
export default meta;

type Story = StoryObj<ProviderArgs>;

/**
 * Every widget under the provider shares one cache: one request per data source, and a change
 * made in one widget (connect, re-connect, delete in the settings dialog) shows in all of them
 * at once. Clicks do what they do in the product, against a stateful mock endpoint.
 */
export const HostPage: Story = {
  beforeEach: (context) => void serve(context, catalog()),
  // Its own frame on the docs page: room for the settings dialog it opens.
  parameters: { docs: { story: { inline: false, height: '44rem' } } },
};

const plural = (count: number, one: string, other: string) => `${count} ${count > 1 ? other : one}`;

/** The host's texts for every widget inside, set once on the provider (a French page here). */
const french: Partial<Strings> = {
  loading: 'Chargement…',
  retry: 'Réessayer',
  close: 'Fermer',
  connect: 'Connecter',
  reconnect: 'Reconnecter',
  reconnectLabel: (account) => `Reconnecter ${account}`,
  connectionSettings: 'Paramètres de connexion',
  notConnected: 'Non connecté',
  accountCount: (count) => plural(count, 'compte', 'comptes'),
  needsAttention: (count) => `${count} à vérifier`,
  bannerTitle: (account) => `${account} doit être reconnecté`,
  bannerManyTitle: (count) => `${count} comptes doivent être reconnectés`,
  openSettings: 'Ouvrir les paramètres de connexion',
  dismiss: 'Masquer',
  previousFailure: 'Précédent',
  nextFailure: 'Suivant',
  failurePosition: (index, count) => `${index} sur ${count}`,
  failureNavigation: 'Comptes en erreur',
  authorizationPending: 'En attente de la fenêtre de connexion…',
  connected: (account) => `${account} est connecté.`,
  reconnected: (account) => `${account} est de nouveau connecté.`,
};

export const TextsAndLocale: Story = {
  args: { locale: 'fr-FR', strings: french },
  beforeEach: (context) => void serve(context, catalog()),
  render: (args, context) => html`<div lang="fr">${page(args, context)}</div>`,
};
