// React 19 with the @lit/react components of `data-source-widgets/react`.
import { DataSourceCard, DataSourceProvider, ReconnectBanner } from 'data-source-widgets/react';

export function Page() {
  return (
    <DataSourceProvider endpoint="/api" timeoutMs={5000}>
      <DataSourceCard
        source="ga4"
        headingLevel={2}
        onConnectionAdded={(event) => event.detail.connection.accountName}
        onDialogClosed={(event) => event.detail.sourceId}
      />
      <ReconnectBanner source="ga4" connection="c-1" />
      {/* @ts-expect-error: a misspelt property */}
      <DataSourceCard source="ga4" headingLevle={2} />
      {/* @ts-expect-error: a misspelt event prop */}
      <DataSourceCard source="ga4" onConnectionAded={() => {}} />
      {/* @ts-expect-error: headingLevel is a number */}
      <DataSourceCard source="ga4" headingLevel="two" />
    </DataSourceProvider>
  );
}
