import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function ConnectionsPage() {
  return (
    <Page
      title="Connections"
      path={['Business settings']}
      description="The accounting software this business publishes to, and other connections."
    >
      <PlannedFeature
        summary="Connections to Xero and QuickBooks Online arrive with publishing."
        willLetYou={[
          'Connect to Xero or QuickBooks Online (Admins only)',
          'See whether each connection works, and reconnect when one has dropped',
          'Connect for Data Health, with the same software as your bookkeeping',
        ]}
        footnote="If documents are not publishing, this is the first place to check once it is available."
      />
    </Page>
  );
}
