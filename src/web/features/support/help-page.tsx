import { Anchor, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { IconExternal } from '../../ui/icons';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="xs">
        <Title order={2} fz="lg" fw={600}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function HelpPage() {
  const { account } = useCurrentAccount();
  const a = account.id;
  const practice = account.kind === 'practice';
  return (
    <Page title="Help" description="What Docket is, where things are, and how to reach the API.">
      <Section title="What Docket is">
        <Text size="sm">
          Docket is an open, self-hostable platform for accounting practices and the businesses they keep
          books for. Businesses send in receipts, bills and sales invoices by upload, by email or as
          e-invoices. Docket reads their data, a bookkeeper reviews it in the Inbox, and Docket publishes it
          to the business’s accounting software (Xero or QuickBooks Online). A practice looks after all its
          clients from one login.
        </Text>
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={practice ? 'Where things are (your practice)' : 'Where things are (your business)'}>
          {practice ? (
            <List size="sm" spacing={6}>
              <List.Item>
                <Anchor inherit component={Link} to={paths.clients(a)}>
                  Clients
                </Anchor>
                : every business you look after; Manage next to a client for its subscription, users and
                settings.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.colleagues(a)}>
                  Team &gt; Colleagues
                </Anchor>
                : the people in your practice.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.dataHealth(a)}>
                  Data Health
                </Anchor>
                : the health of each client’s books.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.billingDetails(a)}>
                  Practice settings &gt; Subscription
                </Anchor>
                : Billing Details and Invoice History.
              </List.Item>
            </List>
          ) : (
            <List size="sm" spacing={6}>
              <List.Item>
                <Anchor inherit component={Link} to={paths.workspace(a, 'costs', 'inbox')}>
                  Costs
                </Anchor>{' '}
                and{' '}
                <Anchor inherit component={Link} to={paths.workspace(a, 'sales', 'inbox')}>
                  Sales
                </Anchor>
                : Inbox, Processing, Archive and Submission history.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.accountant(a)}>
                  Business settings &gt; Accountant
                </Anchor>
                : your accounting practice.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.connections(a)}>
                  Business settings &gt; Connections
                </Anchor>
                : Xero or QuickBooks Online.
              </List.Item>
              <List.Item>
                <Anchor inherit component={Link} to={paths.users(a)}>
                  Business settings &gt; Users
                </Anchor>
                : who works in this account.
              </List.Item>
            </List>
          )}
          <Text size="sm">
            <Anchor inherit component={Link} to={paths.security(a)}>
              User settings
            </Anchor>{' '}
            (Security, Login details) belong to your login, whichever account you are in.
          </Text>
        </Section>
        <Section title="Common questions">
          <List size="sm" spacing={6}>
            <List.Item>
              <b>How do I work in another account?</b> Open the account switcher at the top left: it lists
              every practice and business your login belongs to, with your role in each.
            </List.Item>
            <List.Item>
              <b>What does “This email is already taken” mean?</b> A login already uses that email. One login
              works across many accounts, so sign in with it instead of starting a second trial.
            </List.Item>
            <List.Item>
              <b>A page says it is not available yet.</b> That part of Docket arrives in a later release; the
              page says what it will do.
            </List.Item>
          </List>
        </Section>
      </SimpleGrid>
      <Section title="The Docket API">
        <Text size="sm">
          Everything the web app does goes through a documented HTTP API. Sign in with POST /api/auth/sign-in;
          the session cookie authenticates later calls, and changes carry the <code>x-docket-client</code>{' '}
          header.
        </Text>
        <Stack gap={4}>
          <Anchor href="/api/docs" target="_blank" rel="noopener" size="sm">
            API reference (/api/docs) <IconExternal size={14} />
          </Anchor>
          <Anchor href="/api/openapi.json" target="_blank" rel="noopener" size="sm">
            OpenAPI document (/api/openapi.json) <IconExternal size={14} />
          </Anchor>
        </Stack>
      </Section>
    </Page>
  );
}
