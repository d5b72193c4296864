/**
 * The EN 16931 business rules that decide whether a structured e-invoice can be trusted as read.
 * Messages start with the rule id (BR-xx, BR-CO-xx, BR-CL-xx, CII-DT-xx, BR-DE-xx) and say what
 * was found, so a bookkeeper can tell the sender what to fix.
 */
import type { ExtractionResult } from '../../../../shared/contracts/extraction';
import { addDecimals, compareDecimal, subtractDecimal } from '../../../../shared/money';
import { isIsoCurrency } from './currencies';
import type { EInvoiceFacts } from './model';

/** Profiles that claim EN 16931 conformance (core, CIUS such as XRechnung and Peppol, Factur-X BASIC+). */
function claimsEn16931(facts: EInvoiceFacts): boolean {
  return facts.customizationId?.startsWith('urn:cen.eu:en16931:2017') ?? false;
}

function isXRechnung(facts: EInvoiceFacts): boolean {
  return /xrechnung/i.test(facts.customizationId ?? '');
}

/** Returns every rule the invoice breaks; an empty list means it passes. */
export function validateEInvoice(result: ExtractionResult, raw: EInvoiceFacts): string[] {
  const errors: string[] = [];
  const en = claimsEn16931(raw);
  const fail = (message: string): void => {
    errors.push(message);
  };

  for (const problem of raw.unreadable) fail(`BR-DEC: ${problem}`);

  // Mandatory information (BR-01..BR-16).
  if (result.invoiceNumber === null) fail('BR-02: the invoice has no invoice number (BT-1)');
  if (result.date === null) fail('BR-03: the invoice has no valid issue date (BT-2)');
  if (result.currency === null || (en && raw.declaredCurrency === null)) {
    fail('BR-05: the invoice has no currency code (BT-5)');
  } else if (!isIsoCurrency(result.currency)) {
    fail(`BR-CL-04: the currency code "${result.currency}" is not an ISO 4217 code`);
  }
  if (result.supplier.name === null) fail('BR-06: the invoice has no seller name (BT-27)');
  if (en) {
    if (result.customer.name === null) fail('BR-07: the invoice has no buyer name (BT-44)');
    if (result.lineItems.length > 0 && raw.lineTotal === null) {
      fail('BR-12: the invoice has no sum of invoice line net amounts (BT-106)');
    }
    if (result.net === null) fail('BR-13: the invoice has no total amount without VAT (BT-109)');
    if (result.total === null) fail('BR-14: the invoice has no total amount with VAT (BT-112)');
    if (result.payable === null) fail('BR-15: the invoice has no amount due for payment (BT-115)');
    if (result.lineItems.length === 0) fail('BR-16: the invoice has no invoice line (BG-25)');
  }
  for (const [i, line] of result.lineItems.entries()) {
    if (en && line.amount === null) fail(`BR-24: invoice line ${String(i + 1)} has no net amount (BT-131)`);
  }

  checkArithmetic(result, raw, en, fail);

  if (raw.amountsWithCurrencyId.length > 0) {
    fail(
      `CII-DT-031: currencyID must not be present on ${raw.amountsWithCurrencyId.join(', ')} (only the VAT total may name a currency)`,
    );
  }
  if (isXRechnung(raw)) {
    if (!raw.sellerContact) fail('BR-DE-2: an XRechnung must give the seller contact (BG-6)');
    if (raw.buyerReference === null) fail('BR-DE-15: an XRechnung must give the buyer reference (BT-10)');
  }
  return errors;
}

function checkArithmetic(
  r: ExtractionResult,
  raw: EInvoiceFacts,
  en: boolean,
  fail: (message: string) => void,
): void {
  const lineAmounts = r.lineItems.map((l) => l.amount).filter((a): a is string => a !== null);
  if (raw.lineTotal !== null && lineAmounts.length > 0 && lineAmounts.length === r.lineItems.length) {
    const sum = addDecimals(lineAmounts);
    if (compareDecimal(sum, raw.lineTotal) !== 0) {
      fail(
        `BR-CO-10: sum of line amounts ${sum} differs from the sum of invoice line net amounts ${raw.lineTotal}`,
      );
    }
  }

  const allowances = r.allowancesCharges.filter((a) => a.kind === 'allowance').map((a) => a.amount);
  const charges = r.allowancesCharges.filter((a) => a.kind === 'charge').map((a) => a.amount);
  if (
    en &&
    raw.allowanceTotal !== null &&
    compareDecimal(addDecimals(allowances), raw.allowanceTotal) !== 0
  ) {
    fail(
      `BR-CO-11: sum of document allowances ${addDecimals(allowances)} differs from the allowance total ${raw.allowanceTotal}`,
    );
  }
  if (en && raw.chargeTotal !== null && compareDecimal(addDecimals(charges), raw.chargeTotal) !== 0) {
    fail(
      `BR-CO-12: sum of document charges ${addDecimals(charges)} differs from the charge total ${raw.chargeTotal}`,
    );
  }

  if (raw.lineTotal !== null && r.net !== null) {
    const allowanceTotal = raw.allowanceTotal ?? addDecimals(allowances);
    const chargeTotal = raw.chargeTotal ?? addDecimals(charges);
    const expected = addDecimals([subtractDecimal(raw.lineTotal, allowanceTotal), chargeTotal]);
    if (compareDecimal(expected, r.net) !== 0) {
      fail(
        `BR-CO-13: line total ${raw.lineTotal} − allowances ${allowanceTotal} + charges ${chargeTotal} = ${expected}, but the invoice net total is ${r.net}`,
      );
    }
  }

  const categoryTaxes = r.taxLines.map((t) => t.tax).filter((t): t is string => t !== null);
  if (en && r.tax !== null && categoryTaxes.length > 0) {
    const sum = addDecimals(categoryTaxes);
    if (compareDecimal(sum, r.tax) !== 0) {
      fail(`BR-CO-14: sum of VAT category amounts ${sum} differs from the invoice VAT total ${r.tax}`);
    }
  }

  // Before EN 16931 (plain OASIS UBL 2.1), the rounding amount could already be in the total with VAT.
  const roundingInTotal =
    !en &&
    raw.rounding !== null &&
    r.net !== null &&
    r.total !== null &&
    compareDecimal(addDecimals([r.net, r.tax ?? '0', raw.rounding]), r.total) === 0;

  if (r.net !== null && r.total !== null && !roundingInTotal) {
    const expected = addDecimals([r.net, r.tax ?? '0']);
    if (compareDecimal(expected, r.total) !== 0) {
      fail(
        `BR-CO-15: net total ${r.net} + VAT ${r.tax ?? '0'} = ${expected}, but the invoice total with VAT is ${r.total}`,
      );
    }
  }

  if (r.total !== null && r.payable !== null) {
    const prepaid = raw.prepaid ?? '0';
    const rounding = roundingInTotal ? '0' : (raw.rounding ?? '0');
    const thirdParty = raw.thirdPartyPayments.length > 0 ? addDecimals(raw.thirdPartyPayments) : null;
    const expected = addDecimals([subtractDecimal(r.total, prepaid), rounding, thirdParty ?? '0']);
    if (compareDecimal(expected, r.payable) !== 0) {
      const extra = thirdParty === null ? '' : ` + third-party payments ${thirdParty} (BR-DEX-09)`;
      fail(
        `BR-CO-16: total ${r.total} − prepaid ${prepaid} + rounding ${rounding}${extra} = ${expected}, but the amount due is ${r.payable}`,
      );
    }
  }
}
