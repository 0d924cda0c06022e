import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { connections } from '../mocks/data.js';
import { hostileStylesheet } from '../mocks/hostile-page.js';
import type { Strings } from '../src/strings/strings.js';
import { endpointOf, serve, type Context } from './support/endpoint.js';
import { catalog, googleAdsWith } from './support/sources.js';

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

/** The catalogue with two failing Google Ads accounts, so that the failure pagers show too. */
const twoFailing = () => catalog().map((source) => (source.id === 'google-ads' ? googleAdsWith(connections(4, [1, 3])) : source));

/**
 * Every widget in one state that matters each: a banner and a card for the failing source, a
 * connected card, a card with nothing connected, and the settings dialog open over them.
 */
function showcase(context: Pick<Context, 'id'>): TemplateResult {
  return html`<data-source-provider endpoint=${endpointOf(context)}>
    <div style="display: grid; gap: 1rem; max-inline-size: 40rem">
      <reconnect-banner source="google-ads"></reconnect-banner>
      <data-source-card source="google-ads"></data-source-card>
      <data-source-card source="linkedin-ads"></data-source-card>
      <data-source-card source="facebook-ads"></data-source-card>
    </div>
    <connection-settings-dialog source="google-ads" open></connection-settings-dialog>
  </data-source-provider>`;
}

// The stories below open a modal over the page: on the docs page, each gets a frame of its own.
const ownFrame = { docs: { story: { inline: false, height: '44rem' } } };

/**
 * An Arabic page region: the widgets take the language of the nearest `lang` and mirror with
 * `dir` (logical properties; the pager's chevrons point the other way), while account names,
 * IDs and numbers stay left to right inside the right-to-left sentences.
 */
export const Arabic: Story = {
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => html`<div lang="ar" dir="rtl">${showcase(context)}</div>`,
  parameters: ownFrame,
};

/** A Japanese page region: longer words without spaces, CJK fonts, the same layout. */
export const Japanese: Story = {
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => html`<div lang="ja">${showcase(context)}</div>`,
  parameters: ownFrame,
};

/**
 * A page whose stylesheet does everything it should not (the one test/theming/host-page.test.ts
 * uses): universal rules for font, line height, letter spacing, case, colours, box sizing,
 * padding and border, element rules for buttons, tables and dialogs, many `!important`, and a
 * 10px root font size. The widgets look as they do everywhere else. The universal rules are
 * scoped to the story's region; the root's font size cannot be, hence a frame of its own.
 */
export const HostileHostPage: Story = {
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => {
    // A node rather than a binding inside <style>, which Lit treats as raw text.
    const sheet = Object.assign(document.createElement('style'), { textContent: hostileStylesheet('.hostile') });
    return html`<div class="hostile">${sheet}${showcase(context)}</div>`;
  },
  parameters: ownFrame,
};

/*
 * Brand themes made with the --dsw-* tokens alone, set on an ancestor (no ::part rules): what a
 * partner portal can do without touching the widgets' internals. Each stays within WCAG contrast
 * (the story test runs axe on it).
 */

/** Dark enterprise: navy surfaces, graphite cards and a single cyan accent. */
export const ThemeDarkEnterprise: Story = {
  name: 'Theme: dark enterprise',
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => html`<style>
      .enterprise {
        --dsw-font-family: 'Inter', 'Segoe UI', system-ui, sans-serif;
        --dsw-radius: 4px;
        --dsw-color-surface: #0f1a2e;
        --dsw-color-surface-alt: #1b2638;
        --dsw-color-text: #e6ebf2;
        --dsw-color-text-muted: #a3b1c6;
        --dsw-color-border: #3a475c;
        --dsw-color-primary: #4cc2ff;
        --dsw-color-on-primary: #08111f;
        --dsw-color-settings: #4cc2ff;
        --dsw-color-on-settings: #08111f;
        --dsw-color-danger: #ff7b7b;
        --dsw-color-on-danger: #1a0606;
        --dsw-color-danger-surface: #2a1420;
        --dsw-color-success: #5ee0a0;
        --dsw-color-focus: #4cc2ff;
        --dsw-color-skeleton: #2a3548;
        --dsw-color-backdrop: rgb(3 7 18 / 0.7);
        --dsw-card-background: #171b22;
        --dsw-card-border: 1px solid #2b323d;
        /* Dark only: the defaults of tokens left unset (warning, say) take their dark values. */
        color-scheme: dark;
        background: #0b1120;
        padding: 1.5rem;
      }
    </style>
    <div class="enterprise">${showcase(context)}</div>`,
  parameters: ownFrame,
};

/** Rounded and playful: a rounded font (installed ones only, nothing downloaded), large radii, warm colours. */
export const ThemePlayful: Story = {
  name: 'Theme: playful',
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => html`<style>
      .playful {
        --dsw-font-family: ui-rounded, 'Nunito', 'Comic Sans MS', system-ui, sans-serif;
        --dsw-radius: 18px;
        --dsw-color-surface: #fffdf7;
        --dsw-color-surface-alt: #f3e8ff;
        --dsw-color-text: #2e1065;
        --dsw-color-text-muted: #5b4a7a;
        --dsw-color-border: #d8c7f5;
        --dsw-color-primary: #7c3aed;
        --dsw-color-settings: #a21caf;
        --dsw-color-danger: #be123c;
        --dsw-color-danger-surface: #fff1f2;
        --dsw-color-success: #047857;
        --dsw-color-focus: #7c3aed;
        --dsw-color-skeleton: #ede9fe;
        --dsw-color-backdrop: rgb(46 16 101 / 0.35);
        --dsw-card-border: 2px solid #e9d5ff;
        --dsw-card-shadow: 0 6px 0 #e9d5ff;
        --dsw-card-logo-size: 3rem;
        --dsw-banner-border-color: #be123c;
        /* Light only: no dark-mode default of a token left unset lands on these backgrounds. */
        color-scheme: light;
        background: #faf5ff;
        padding: 1.5rem;
      }
    </style>
    <div class="playful">${showcase(context)}</div>`,
  parameters: ownFrame,
};

/**
 * High contrast: black on white, one dark red for errors, a 4px blue focus ring; every text
 * pair meets WCAG AAA (7:1), placeholders and borders at least 4.5:1.
 */
export const ThemeHighContrast: Story = {
  name: 'Theme: high contrast',
  beforeEach: (context) => void serve(context, twoFailing()),
  render: (_args, context) => html`<style>
      .high-contrast {
        --dsw-color-surface: #ffffff;
        --dsw-color-surface-alt: #ffffff;
        --dsw-color-text: #000000;
        --dsw-color-text-muted: #000000;
        --dsw-color-border: #000000;
        --dsw-color-primary: #000000;
        --dsw-color-on-primary: #ffffff;
        --dsw-color-settings: #000000;
        --dsw-color-on-settings: #ffffff;
        --dsw-color-danger: #a00000;
        --dsw-color-on-danger: #ffffff;
        --dsw-color-danger-surface: #ffffff;
        --dsw-color-success: #006100;
        --dsw-color-focus: #0000ee;
        --dsw-focus-ring-width: 4px;
        --dsw-color-skeleton: #767676;
        --dsw-color-backdrop: rgb(0 0 0 / 0.8);
        --dsw-card-border: 2px solid #000000;
        --dsw-banner-border-color: #000000;
        color-scheme: light;
        background: #ffffff;
        padding: 1.5rem;
      }
    </style>
    <div class="high-contrast">${showcase(context)}</div>`,
  parameters: ownFrame,
};
