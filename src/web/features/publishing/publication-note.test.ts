import { describe, expect, it } from 'vitest';
import {
  NOTE_QUICKBOOKS_PAID_AS_BILL,
  NOTE_XERO_NOT_PAID_NO_BANK,
  NOTE_XERO_NOT_PAID_UNPAID,
} from '../../../server/modules/publishing/draft';
import { quickbooksCatalogue, xeroCatalogue } from '../../../server/modules/publishing/error-catalogue';
import { noteParts } from './publication-note';

describe('noteParts (the Publish panel’s note)', () => {
  it('when Xero "Paid" fell back to Awaiting Payment for want of a bank account, then the title says so and the fix is the link to make', () => {
    expect(noteParts(NOTE_XERO_NOT_PAID_NO_BANK)).toEqual({
      title: 'Published as Awaiting Payment, not Paid',
      detail: 'The item has no payment method linked to a Xero bank account.',
      fix: 'To publish as Paid, link the payment method in Business settings > Connections > Payment methods.',
      linksConnections: true,
    });
  });

  it('when the item is marked unpaid, then there is no fix and no link', () => {
    expect(noteParts(NOTE_XERO_NOT_PAID_UNPAID)).toEqual({
      title: 'Published as Awaiting Payment, not Paid',
      detail: 'The item is marked as not paid.',
      fix: null,
      linksConnections: false,
    });
  });

  it('when a paid QuickBooks cost went as a Bill, then the title says Bill and the fix names Connections', () => {
    const parts = noteParts(NOTE_QUICKBOOKS_PAID_AS_BILL);
    expect(parts.title).toBe('Published as a Bill');
    expect(parts.detail).toBe(
      'The item is paid, but its payment method is not linked to a QuickBooks bank or card account.',
    );
    expect(parts.fix).toMatch(/^To publish paid items as Cash, Check or Credit card purchases, link/);
    expect(parts.linksConnections).toBe(true);
  });

  it('when the ledger refused the payment, then for every catalogue entry the message is the detail and the catalogue fix is the fix, word for word', () => {
    for (const entry of [...xeroCatalogue, ...quickbooksCatalogue]) {
      // As pay-document.ts words it.
      const note = `Published as Awaiting Payment: Xero (simulated) refused the payment. ${entry.message} ${entry.fix}`;
      const parts = noteParts(note);
      expect(parts.title, entry.key).toBe('Published as Awaiting Payment');
      expect(parts.detail, entry.key).toBe(`Xero (simulated) refused the payment. ${entry.message}`);
      expect(parts.fix, entry.key).toBe(entry.fix);
    }
  });

  it('when a note does not start with "Published as", then it is kept whole under a plain title', () => {
    expect(noteParts('something odd happened.')).toEqual({
      title: 'Published, with a note',
      detail: 'Something odd happened.',
      fix: null,
      linksConnections: false,
    });
  });
});
