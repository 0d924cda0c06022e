// The tags for TypeScript, with no import of their own: `querySelector` and `createElement`
// (HTMLElementTagNameMap), React 19 JSX and Vue 3 templates (GlobalComponents, for vue-tsc).
// Every entry of the package brings this file into a host's program. Written by hand as a
// declaration file (the build copies it to dist/): it augments 'react' and 'vue' without
// importing them (inside each `declare module` block that module's own types are in scope), so
// a program with neither compiles as before, even without skipLibCheck.
import type { ConnectionSettingsDialog } from '../connection-settings-dialog/connection-settings-dialog.js';
import type { DataSourceCard } from '../data-source-card/data-source-card.js';
import type { DataSourceProvider } from '../data-source-provider/data-source-provider.js';
import type { ReconnectBanner } from '../reconnect-banner/reconnect-banner.js';
import type { CamelCase, WidgetTags } from './tags.js';

/** React 19 listens for `on<event-name>` on a custom element, the event name as written. */
type ReactEventProps<EventMap> = { [Name in keyof EventMap & string as `on${Name}`]?: (event: EventMap[Name]) => void };

/** Vue passes `@dsw-connection-added` as the `onDswConnectionAdded` prop. */
type VueEventProps<EventMap> = {
  [Name in keyof EventMap & string as `on${Capitalize<CamelCase<Name>>}`]?: (event: EventMap[Name]) => void;
};

/** Vue writes props in camelCase (`heading-level` in a template is `headingLevel`). */
type VueProps<Tag extends WidgetTags[keyof WidgetTags]> = {
  [Name in keyof Tag['attributes'] & string as CamelCase<Name>]?: Tag['attributes'][Name];
} & Tag['properties'] &
  VueEventProps<Tag['events']>;

type ReactProps<Tag extends WidgetTags[keyof WidgetTags]> = Tag['attributes'] & Tag['properties'] & ReactEventProps<Tag['events']>;

declare global {
  interface HTMLElementTagNameMap {
    'data-source-provider': DataSourceProvider;
    'data-source-card': DataSourceCard;
    'connection-settings-dialog': ConnectionSettingsDialog;
    'reconnect-banner': ReconnectBanner;
  }
}

declare module 'react' {
  // React's own, merged with these empty declarations; in a program without React these keep
  // the names defined, so that it compiles even without skipLibCheck.
  interface HTMLAttributes<T> {}
  interface RefAttributes<T> {}
  namespace JSX {
    interface IntrinsicElements {
      'data-source-provider': HTMLAttributes<WidgetTags['data-source-provider']['element']> &
        RefAttributes<WidgetTags['data-source-provider']['element']> &
        ReactProps<WidgetTags['data-source-provider']>;
      'data-source-card': HTMLAttributes<WidgetTags['data-source-card']['element']> &
        RefAttributes<WidgetTags['data-source-card']['element']> &
        ReactProps<WidgetTags['data-source-card']>;
      'connection-settings-dialog': HTMLAttributes<WidgetTags['connection-settings-dialog']['element']> &
        RefAttributes<WidgetTags['connection-settings-dialog']['element']> &
        ReactProps<WidgetTags['connection-settings-dialog']>;
      'reconnect-banner': HTMLAttributes<WidgetTags['reconnect-banner']['element']> &
        RefAttributes<WidgetTags['reconnect-banner']['element']> &
        ReactProps<WidgetTags['reconnect-banner']>;
    }
  }
}

declare module 'vue' {
  interface GlobalComponents {
    'data-source-provider': VueWidget<'data-source-provider'>;
    'data-source-card': VueWidget<'data-source-card'>;
    'connection-settings-dialog': VueWidget<'connection-settings-dialog'>;
    'reconnect-banner': VueWidget<'reconnect-banner'>;
  }
}

/** What vue-tsc needs to check a tag: a component whose props are the element's. */
type VueWidget<Name extends keyof WidgetTags> = new () => { $props: VueProps<WidgetTags[Name]> };
export {};
