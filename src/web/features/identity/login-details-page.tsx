import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useCurrentAccount } from '../accounts/current-account';
import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xl" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={140}>
        {label}
      </Text>
      <div>{children}</div>
    </Group>
  );
}

export function LoginDetailsPage() {
  const { me } = useCurrentAccount();
  return (
    <Page
      title="Login details"
      path={['User settings']}
      description="The login you sign in with. One login can work in many accounts."
    >
      <Paper withBorder radius="md" p="lg">
        <Stack gap="sm">
          <Detail label="Name">
            <Text size="sm">{me.login.name}</Text>
          </Detail>
          <Detail label="Email">
            <Group gap="xs">
              <Text size="sm">{me.login.email}</Text>
              {me.login.emailVerified ? (
                <Badge size="sm" variant="light" color="teal">
                  Verified
                </Badge>
              ) : (
                <Badge size="sm" variant="light" color="yellow">
                  Not verified yet
                </Badge>
              )}
            </Group>
          </Detail>
          <Detail label="Accounts">
            <Text size="sm">
              {me.accounts.length} {me.accounts.length === 1 ? 'account' : 'accounts'} (see the account
              switcher)
            </Text>
          </Detail>
        </Stack>
      </Paper>
      <PlannedFeature
        summary="Changing these details and merging logins arrive in a later release."
        willLetYou={[
          'Change your name and login email',
          'Merge logins: bring a second login’s accounts into this one (Merge logins > Merge login details)',
        ]}
      />
    </Page>
  );
}
