import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function AccountantPage() {
  return (
    <Page
      title="Accountant"
      path={['Business settings']}
      description="The accounting practice that looks after this business’s books."
    >
      <PlannedFeature
        summary="Connecting a business to its accountant arrives with client management."
        willLetYou={[
          'Invite your accountant or bookkeeper’s practice to work in this account',
          'See which practice has access and what it can do',
          'As an Admin, move access to a new firm in one step (Invite someone else), or disconnect the practice',
          'Send a new invitation to a practice that disconnected you by mistake',
        ]}
      />
    </Page>
  );
}
