import type { DocumentType } from '../../../../shared/contracts/extraction';
import { conf, fold, locate, type FieldContext, type Found } from './context';

const CREDIT =
  /credit\s*(note|memo|invoice)|gutschrift|rechnungskorrektur|stornorechnung|creditnota|creditfactuur|credit\s*nota|facture\s*d.avoir|^\W*avoir\b|\bavoir\s*(n.|no\b|numero)|note\s*de\s*credit|nota\s*de\s*credito|nota\s*di\s*credito|refund\s*receipt/;
const INVOICE =
  /\binvoice\b|\bfactuur\b|\brechnung\b|\bfacture\b|\bfattura\b|\bfactura\b|bill\s*to|invoice\s*(no|number|date|#)|due\s*date|payment\s*terms|faktura/;
const RECEIPT =
  /receipt|\bcash\b|\bchange\b|cashier|thank\s*you|terminal|\bpos\b|tender|kassenbon|quittung|kassabon|bon\b|ticket\s*de\s*caisse|\brecu\b|payment\s*receipt|\bbaki\b|tunai/;
/** "Tax invoice" on a till slip is still a receipt: these phrases do not count for "invoice". */
const TILL_INVOICE = /(simplified\s*)?tax\s*invoice|cash\s*bill/;

export function readDocumentType(ctx: FieldContext): Found<DocumentType> {
  let credit: Found<DocumentType> | null = null;
  let invoiceScore = 0;
  let receiptScore = 0;
  let invoiceAt: Found<DocumentType> | null = null;
  for (const line of ctx.lines) {
    const folded = fold(line.text);
    if (!credit && CREDIT.test(folded)) {
      credit = { value: 'credit_note', confidence: 0.85, location: locate(line) };
    }
    const stripped = folded.replace(TILL_INVOICE, ' ');
    if (INVOICE.test(stripped)) {
      invoiceScore += 1;
      invoiceAt ??= { value: 'invoice', confidence: 0, location: locate(line) };
    }
    if (TILL_INVOICE.test(folded)) receiptScore += 0.5;
    if (RECEIPT.test(folded)) receiptScore += 1;
  }
  if (credit) return credit;
  if (invoiceScore === 0 && receiptScore === 0) return { value: 'other', confidence: 0.3, location: null };
  if (invoiceScore > receiptScore) {
    return {
      value: 'invoice',
      confidence: conf(0.55 + 0.1 * (invoiceScore - receiptScore)),
      location: invoiceAt?.location ?? null,
    };
  }
  return { value: 'receipt', confidence: conf(0.55 + 0.08 * (receiptScore - invoiceScore)), location: null };
}
