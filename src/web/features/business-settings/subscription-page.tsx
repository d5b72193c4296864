import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

/** Business settings > Subscription: a business paying for its own plan (arrives with billing). */
export function BusinessSubscriptionPage() {
  return (
    <Page
      title="Subscription"
      path={['Business settings']}
      description="Your own Docket plan, for when your business pays for itself rather than through an accountant."
    >
      <PlannedFeature
        summary="Subscribing arrives with billing. Until then nothing is charged, and no plan is shown because none exists."
        willLetYou={[
          'Start your own plan, for example after your accountant disconnected or deactivated your account',
          'See what your plan includes and manage its add-ons',
          'Update your payment method and download your invoices',
        ]}
        footnote="Meanwhile you can connect another accountant from Business settings › Accountant."
      />
    </Page>
  );
}
