import { Navigate, useParams } from 'react-router';
import { isWorkspaceSection, paths, type Workspace, type WorkspaceSection } from '../../app/paths';
import { useCurrentAccount } from '../accounts/current-account';
import { Page } from '../../ui/page';
import { PlannedFeature } from '../../ui/planned-feature';

const titles: Record<WorkspaceSection, string> = {
  inbox: 'Inbox',
  processing: 'Processing',
  archive: 'Archive',
  'submission-history': 'Submission history',
};

function describe(workspace: Workspace, section: WorkspaceSection) {
  const documents = workspace === 'costs' ? 'receipts and bills' : 'sales invoices';
  const party = workspace === 'costs' ? 'supplier' : 'customer';
  switch (section) {
    case 'inbox':
      return {
        description: `Extracted ${documents}, ready to publish or waiting for your review.`,
        willLetYou: [
          `Upload ${documents}, or email them to this account’s personal Docket address`,
          `Review what was read from each one: ${party}, date, totals, tax and category`,
          'See why an item is To review, and publish Ready items to Xero or QuickBooks Online',
        ],
      };
    case 'processing':
      return {
        description: `${documents.charAt(0).toUpperCase()}${documents.slice(1)} being read right now.`,
        willLetYou: ['Follow each document while its data is extracted, with the estimated time left'],
      };
    case 'archive':
      return {
        description: 'Items that were published, or archived by hand.',
        willLetYou: [
          'Find published items and what was sent to your accounting software',
          'Move an item back to the Inbox',
        ],
      };
    case 'submission-history':
      return {
        description: 'Everything that was submitted, whatever happened to it next.',
        willLetYou: [
          'See every upload and email, with who sent it and when',
          'Find items that were deleted as duplicates, and originals that were merged into another item',
        ],
      };
  }
}

/** Costs or Sales > Inbox / Processing / Archive / Submission history. */
export function WorkspacePage({ workspace }: { workspace: Workspace }) {
  const { account } = useCurrentAccount();
  const { section } = useParams();
  if (!isWorkspaceSection(section))
    return <Navigate to={paths.workspace(account.id, workspace, 'inbox')} replace />;
  const { description, willLetYou } = describe(workspace, section);
  return (
    <Page
      title={titles[section]}
      path={[workspace === 'costs' ? 'Costs' : 'Sales']}
      description={description}
    >
      <PlannedFeature
        summary="Document capture and review arrive in a later release. This list stays empty until real documents come in."
        willLetYou={willLetYou}
      />
    </Page>
  );
}
