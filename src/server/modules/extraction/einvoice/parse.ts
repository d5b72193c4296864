/**
 * From XML bytes to a validated ExtractionResult: decode, refuse DTDs, parse, dispatch on the root
 * element (UBL or CII), read, then apply the EN 16931 business rules.
 */
import type { ExtractionResult, ExtractionSource } from '../../../../shared/contracts/extraction';
import { Invalid } from '../../../lib/errors';
import { readCii } from './cii';
import { sniffRoot, syntaxOf } from './detect';
import type { ParsedEInvoice } from './model';
import { readUbl } from './ubl';
import { validateEInvoice } from './validate';
import { assertNoDtd, decodeXmlBytes, parseXml } from './xml';

/** Reads an e-invoice without applying the business rules (Invalid only for unsafe or non-invoice XML). */
export function readEInvoiceXml(bytes: Uint8Array, fileName: string): ParsedEInvoice {
  const text = decodeXmlBytes(bytes);
  assertNoDtd(text);
  const sniffed = sniffRoot(text);
  if (sniffed === null) {
    throw new Invalid(`${fileName} is not an XML document.`, { file: 'not XML' });
  }
  const syntax = syntaxOf(sniffed);
  if (syntax === null) {
    throw new Invalid(
      `${fileName} is XML but not an e-invoice: its root element is <${sniffed.localName}> in namespace ${sniffed.namespace ?? '(none)'}; expected a UBL Invoice or CreditNote, or a UN/CEFACT CrossIndustryInvoice.`,
      { file: 'not an e-invoice' },
    );
  }
  const { rootName, root } = parseXml(text);
  if (rootName !== sniffed.localName) {
    throw new Invalid(`${fileName}: the root element could not be read consistently.`, {
      file: 'malformed XML',
    });
  }
  return syntax === 'ubl' ? readUbl(root, rootName, fileName) : readCii(root, rootName, fileName);
}

/** Parses and validates a UBL or CII e-invoice. Throws Invalid with every broken rule. */
export function parseEInvoiceXml(
  bytes: Uint8Array,
  fileName: string,
  source?: ExtractionSource,
): ExtractionResult {
  const { result, facts } = readEInvoiceXml(bytes, fileName);
  const errors = validateEInvoice(result, facts);
  if (errors.length > 0) {
    const fields: Record<string, string> = {};
    for (const e of errors) {
      const rule = /^([A-Z]+(?:-[A-Z]+)*-\d+|[A-Z]+-[A-Z]+)/.exec(e)?.[1] ?? 'rule';
      fields[rule] = e;
    }
    throw new Invalid(`${fileName} is not a valid e-invoice: ${errors.join('; ')}`, fields);
  }
  return source === undefined ? result : { ...result, source };
}
