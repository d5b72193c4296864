import { Text } from '@mantine/core';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { PeopleManager } from './people-manager';

/** Team > Colleagues: the practice's people, their roles and which clients they reach. */
export function ColleaguesPage() {
  const { account, me } = useCurrentAccount();
  return (
    <Page
      title="Colleagues"
      path={['Team']}
      description={`Everyone who works in ${account.name}. Practice Admins and Client Admins reach every client; Standard colleagues reach all clients or the ones you select.`}
    >
      <PeopleManager
        accountId={account.id}
        kind="practice"
        actorRole={account.role}
        practiceId={account.id}
        meEmail={me.login.email}
      />
      <Text size="xs" c="dimmed">
        The practice owner cannot be deactivated or removed. Deactivated colleagues cannot sign in to the
        practice; re-enable them from the Deactivated tab.
      </Text>
    </Page>
  );
}
