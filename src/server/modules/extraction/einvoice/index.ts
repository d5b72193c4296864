/**
 * Structured e-invoices read exactly: UBL 2.1 Invoice/CreditNote (EN 16931, Peppol BIS 3, XRechnung),
 * UN/CEFACT CII (EN 16931, XRechnung, Factur-X/ZUGFeRD 2.x, ZUGFeRD 1.0) and hybrid PDFs carrying
 * one of them (Factur-X/ZUGFeRD). Results follow the shared ExtractionResult contract.
 */
export { detectEInvoiceXml } from './detect';
export { parseEInvoiceXml, readEInvoiceXml } from './parse';
export { extractFacturX } from './facturx';
export { validateEInvoice } from './validate';
export type { EInvoiceFacts, EInvoiceSyntax, ParsedEInvoice } from './model';
export { MAX_XML_BYTES } from './xml';
