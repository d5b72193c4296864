import type { z } from 'zod';
import type { ConnectionView, PublicationView, SoftwareOption } from '../../../shared/contracts/publishing';
import type { PublishingContext } from './context';
import { CONNECTION_FIX } from './error-catalogue';
import type { ConnectionRow, PublicationRow } from './publishing.repo';

/** Rows -> the API's response shapes. */

export const SOFTWARE_OPTIONS: readonly z.infer<typeof SoftwareOption>[] = [
  { id: 'xero', name: 'Xero', supported: true, note: null },
  { id: 'quickbooks', name: 'QuickBooks Online', supported: true, note: null },
  ...[
    'QuickBooks Desktop',
    'Sage Business Cloud Accounting',
    'Sage 50',
    'FreeAgent',
    'KashFlow',
    'MYOB AccountRight',
    'Zoho Books',
    'ClearBooks',
    'Twinfield',
    'IRIS OpenBooks',
  ].map((name) => ({
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    name,
    supported: false,
    note: 'Not supported yet: move items to Ready and export them to CSV instead.',
  })),
];

export function connectionView(ctx: PublishingContext, row: ConnectionRow): z.infer<typeof ConnectionView> {
  const help =
    row.status === 'connected'
      ? null
      : row.status === 'disconnected'
        ? 'Disconnected: publishing is stopped for this business. Choose Connect to publish again; the lists are kept.'
        : row.status === 'needs_reconnecting'
          ? `The connection expired or was revoked. ${CONNECTION_FIX}`
          : `The last sync failed. ${row.lastError ?? ''} Refresh lists, or reconnect if it persists.`.trim();
  return {
    software: row.software,
    softwareName: ctx.ledgers.label(row.software),
    status: row.status,
    organisation: { id: row.tenantId, name: row.tenantName },
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastError: row.lastError,
    connectedAt: row.connectedAt.toISOString(),
    help,
  };
}

export function publicationView(row: PublicationRow): PublicationView {
  return {
    itemId: row.itemId,
    state: row.state,
    software: row.software,
    kind: row.kind,
    ledgerDocumentId: row.ledgerDocumentId,
    ledgerNumber: row.ledgerNumber,
    ledgerStatus: row.ledgerStatus,
    ledgerUrl: row.ledgerUrl,
    attachmentIds: row.attachmentIds,
    attachmentError: row.attachmentError,
    error:
      row.state === 'failed' && row.errorCode !== null
        ? {
            code: row.errorCode,
            message: row.errorMessage ?? '',
            fix: row.errorFix ?? '',
            vendorMessage: row.vendorMessage,
          }
        : null,
    problems: row.problems,
    paymentId: row.payment?.id ?? null,
    note: row.note,
    auto: row.auto,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
