// React 19 JSX with the plain tags: typed once any entry is imported (here the define entry).
import 'data-source-widgets/define';
import type { ConnectionSettingsDialog, HeadersCallback } from 'data-source-widgets';
import { useRef } from 'react';

declare const getHeaders: HeadersCallback;

export function Page() {
  const dialog = useRef<ConnectionSettingsDialog>(null);
  return (
    <data-source-provider endpoint="/api" timeout-ms={5000} getHeaders={getHeaders} strings={{ connect: 'Link' }}>
      <data-source-card
        source="ga4"
        heading-level={2}
        theme="dark"
        ondsw-connection-added={(event) => event.detail.connection.accountName}
        // Bubbles out of the dialog the card opens.
        ondsw-dialog-closed={(event) => event.detail.sourceId}
      />
      <reconnect-banner source="ga4" heading-level="2" connection="c-1" />
      <connection-settings-dialog ref={dialog} source="ga4" open={false} />
      {/* @ts-expect-error: a misspelt tag */}
      <data-source-crad source="ga4" />
      {/* @ts-expect-error: a number attribute takes numbers, not words */}
      <data-source-card heading-level="two" />
      {/* @ts-expect-error: a boolean attribute takes a boolean */}
      <connection-settings-dialog open="yes" />
      {/* @ts-expect-error: theme is light or dark */}
      <data-source-card theme="blue" />
      {/* @ts-expect-error: a misspelt property (names with a dash are never checked by TypeScript) */}
      <data-source-provider getHeader={getHeaders} />
      {/* @ts-expect-error: the handler of a dialog event gets that event */}
      <data-source-card ondsw-dialog-closed={(event: { detail: { connection: unknown } }) => event} />
    </data-source-provider>
  );
}
