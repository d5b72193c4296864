import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function ListsPage() {
  return (
    <Page
      title="Lists"
      path={['Business settings']}
      description="Categories, tax rates, tracking and payment methods used when publishing."
    >
      <PlannedFeature
        summary="Lists come from your accounting software, so they arrive with connections and publishing."
        willLetYou={[
          'See the categories, tax rates and tracking categories read from Xero or QuickBooks Online, and refresh them',
          'Link each payment method to a bank account',
          'Keep tax rates by hand when the business has no accounting software',
          'Merge Lists when you change accounting software, so your rules keep working',
        ]}
      />
    </Page>
  );
}
