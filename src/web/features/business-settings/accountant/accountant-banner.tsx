import { Alert, Box, Button, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../../app/paths';
import { IconAlert } from '../../../ui/icons';
import { useCurrentAccount } from '../../accounts/current-account';
import { formatDate } from '../../clients/format';
import { useAccountant } from './accountant-api';

/**
 * Across a business's pages: its accountant disconnected or deactivated it. The business keeps its
 * account and data, and can subscribe itself or connect another accountant.
 */
export function AccountantBanner() {
  const { account } = useCurrentAccount();
  const business = account.kind === 'business';
  const status = useAccountant(account.id, business);
  if (!business || !status.data) return null;
  const { current, lastEnded, deactivated } = status.data;
  const disconnected = current === null && lastEnded?.reason === 'disconnected_by_practice';
  if (!deactivated && !disconnected) return null;
  const practice = (deactivated ? current?.practiceName : lastEnded?.practiceName) ?? 'Your accountant';
  const title = deactivated
    ? `${practice} deactivated this account`
    : `${practice} disconnected this account`;
  return (
    <Box component="section" aria-label="Account status" mb="lg">
      <Alert color="orange" variant="light" icon={<IconAlert />} title={title}>
        <Text size="sm">
          {deactivated
            ? `Since ${formatDate(deactivated.at)} new uploads are kept but not extracted, and publishing is off. You can still sign in and see your data.`
            : `On ${formatDate(lastEnded?.at)} your accountant’s access ended. Your account and all its data are still yours.`}{' '}
          To continue, subscribe to Docket yourself or connect another accountant.
        </Text>
        <Group gap="sm" mt="sm">
          <Button size="xs" component={Link} to={paths.businessSubscription(account.id)}>
            Subscribe
          </Button>
          <Button size="xs" variant="default" component={Link} to={paths.accountant(account.id)}>
            Connect another accountant
          </Button>
        </Group>
      </Alert>
    </Box>
  );
}
