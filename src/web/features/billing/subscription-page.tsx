import { Tabs } from '@mantine/core';
import { Navigate, useNavigate, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useCurrentAccount } from '../accounts/current-account';
import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

const tabs = ['billing-details', 'invoice-history'] as const;
type Tab = (typeof tabs)[number];

function isTab(value: string | null | undefined): value is Tab {
  return tabs.some((t) => t === value);
}

/** Practice settings > Subscription, with the Billing Details and Invoice History tabs. */
export function SubscriptionPage() {
  const { account } = useCurrentAccount();
  const { tab } = useParams();
  const navigate = useNavigate();
  if (!isTab(tab)) return <Navigate to={paths.billingDetails(account.id)} replace />;

  return (
    <Page
      title="Subscription"
      path={['Practice settings']}
      description="Your practice plan, what it includes, how you pay for it, and its invoices."
    >
      <Tabs
        value={tab}
        onChange={(next) => {
          if (isTab(next)) void navigate(`${paths.subscription(account.id)}/${next}`);
        }}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="billing-details">Billing Details</Tabs.Tab>
          <Tabs.Tab value="invoice-history">Invoice History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="billing-details">
          <PlannedFeature
            summary="Billing arrives with practice subscriptions. No plan or card is shown until there is one."
            willLetYou={[
              'See your plan, client limits and per-client extraction usage, and manage add-ons',
              'Select Edit payment method to update your card',
              'Choose where invoices are emailed (Send invoices to)',
              'Turn on Add to Docket so each subscription invoice also lands in your practice’s Costs inbox',
            ]}
          />
        </Tabs.Panel>
        <Tabs.Panel value="invoice-history">
          <PlannedFeature
            summary="Your Docket invoices will be listed here once billing is available."
            willLetYou={[
              'View or download the invoices of the past 12 months',
              'Find an invoice by date or amount',
            ]}
            footnote="Invoices are also emailed to the Send invoices to address, and added to your Costs inbox when Add to Docket is on."
          />
        </Tabs.Panel>
      </Tabs>
    </Page>
  );
}
