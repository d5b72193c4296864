import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

export function SecurityPage() {
  return (
    <Page title="Security" path={['User settings']} description="How you prove it is you when you sign in.">
      <PlannedFeature
        summary="Your login is protected by its password today. Stronger sign-in options arrive in a later release."
        willLetYou={[
          'Change your password',
          'Turn on two-factor authentication with an authenticator app, SMS or email, and get 12 single-use backup codes',
          'Sign in with a passkey, and manage trusted devices',
        ]}
      />
    </Page>
  );
}
