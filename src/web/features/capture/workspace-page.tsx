import { Anchor, Button, Code, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { isWorkspaceSection, paths, type Workspace, type WorkspaceSection } from '../../app/paths';
import { Page } from '../../ui/page';
import { useCurrentAccount } from '../accounts/current-account';
import { ItemsSection } from '../review/items-section';
import { useEmailAddresses } from './capture-api';
import { IconUpload } from './icons';
import { ProcessingSection } from './processing-section';
import { SubmissionHistorySection } from './submission-history-section';
import { UploadModal } from './upload-modal';

const titles: Record<WorkspaceSection, string> = {
  inbox: 'Inbox',
  processing: 'Processing',
  archive: 'Archive',
  'submission-history': 'Submission history',
};

function descriptionOf(workspace: Workspace, section: WorkspaceSection): string {
  const documents = workspace === 'costs' ? 'receipts and bills' : 'sales invoices';
  switch (section) {
    case 'inbox':
      return `Extracted ${documents}: review what needs attention, and find what is Ready.`;
    case 'processing':
      return 'Documents being read right now, with the step they are at.';
    case 'archive':
      return 'Items that were published, or archived by hand.';
    case 'submission-history':
      return 'Everything that was submitted, and what became of it: rejected files, files sent twice, duplicates, merged and deleted items.';
  }
}

/** How to send documents in by email, with the person's own address for this workspace. */
function EmailHint({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const addresses = useEmailAddresses(account.id);
  const mine = addresses.data?.find(
    (a) => a.workspace === workspace && a.mode === 'single' && a.userId !== null,
  );
  return (
    <>
      Upload documents, or email them to{' '}
      {mine === undefined ? 'your Extract by Email address' : <Code>{mine.address}</Code>}.{' '}
      <Anchor component={Link} to={paths.extractByEmail(account.id)} size="sm">
        All your addresses
      </Anchor>
    </>
  );
}

/** Costs or Sales > Inbox / Processing / Archive / Submission history, with Upload on every section. */
export function WorkspacePage({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const { section } = useParams();
  const [uploading, setUploading] = useState(false);
  if (!isWorkspaceSection(section))
    return <Navigate to={paths.workspace(account.id, workspace, 'inbox')} replace />;
  return (
    <Page
      title={titles[section]}
      path={[workspace === 'costs' ? 'Costs' : 'Sales']}
      description={descriptionOf(workspace, section)}
      actions={
        <Group>
          <Button leftSection={<IconUpload size={16} />} onClick={() => setUploading(true)}>
            Upload
          </Button>
        </Group>
      }
    >
      {section === 'inbox' && (
        <ItemsSection
          key={`${workspace}-inbox`}
          workspace={workspace}
          view="inbox"
          emptyHint={<EmailHint workspace={workspace} />}
        />
      )}
      {section === 'archive' && (
        <ItemsSection
          key={`${workspace}-archive`}
          workspace={workspace}
          view="archive"
          emptyHint={<Text span>Archived and published items show here.</Text>}
        />
      )}
      {section === 'processing' && <ProcessingSection workspace={workspace} />}
      {section === 'submission-history' && <SubmissionHistorySection workspace={workspace} />}
      <UploadModal workspace={workspace} opened={uploading} onClose={() => setUploading(false)} />
    </Page>
  );
}
