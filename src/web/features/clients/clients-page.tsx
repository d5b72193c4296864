import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function ClientsPage() {
  return (
    <Page title="Clients" description="Every business your practice keeps books for, in one list.">
      <PlannedFeature
        summary="The client list arrives with client management. Nothing is listed here yet, because nothing is made up."
        willLetYou={[
          'See each client with its plan, who pays for it, and its connection to Xero or QuickBooks Online',
          'Select Manage next to a client for its subscription (Manage client’s subscription > Change who pays), users and Business settings',
          'Add clients, and disconnect, deactivate or delete them',
          'Open a client’s Costs and Sales to review and publish their documents',
        ]}
        footnote="Until then, the business accounts your login belongs to are in the account switcher at the top of the page."
      />
    </Page>
  );
}
