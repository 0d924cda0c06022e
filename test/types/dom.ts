// Only the package root imported (no define entry, no framework): tag names and events typed.
import { ConnectionAddedEvent, type DataSourceCard } from 'data-source-widgets';

const card = document.querySelector('data-source-card');
card satisfies DataSourceCard | null;
card?.headingLevel.toFixed();

card?.addEventListener('dsw-connection-added', (event) => {
  event satisfies ConnectionAddedEvent;
  event.detail.connection.accountName.trim();
});
// The dialog's events bubble out of the card that opened it.
card?.addEventListener('dsw-dialog-closed', (event) => event.detail.sourceId.trim());

// @ts-expect-error: a misspelt event gives a plain Event, which has no detail
card?.addEventListener('dsw-connection-aded', (event) => event.detail);

// @ts-expect-error: a misspelt tag is no widget
document.querySelector('data-source-crad')?.headingLevel;

const banner = document.createElement('reconnect-banner');
banner.connection = 'c-1';
// @ts-expect-error: a misspelt property
banner.conection = 'c-1';
