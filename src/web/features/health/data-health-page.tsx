import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function DataHealthPage() {
  return (
    <Page
      title="Data Health"
      description="A cross-client view of bookkeeping quality: the Data Health & Insights add-on."
    >
      <PlannedFeature
        summary="Data Health arrives once clients can connect their ledgers. No scores are shown until they are real."
        willLetYou={[
          'See a Health Score for every client connected to Xero or QuickBooks Online',
          'Work through Cleanup, Activity and Tax checks, and dismiss suggestions that do not apply',
          'Sync a client on demand (it also syncs every 24 hours), and Recalculate after changes in the ledger',
          'Compare clients in Insights reports',
        ]}
        footnote="Each client connects for Data Health in Business settings > Connections, with the same software as its bookkeeping."
      />
    </Page>
  );
}
