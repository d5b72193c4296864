/**
 * A cheap sniff of an XML document's root element and namespace, without parsing the document.
 */
import type { EInvoiceSyntax } from './model';

export const UBL_NAMESPACES: Readonly<Record<string, string>> = {
  Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
};

export const CII_NAMESPACES: Readonly<Record<string, string>> = {
  CrossIndustryInvoice: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  CrossIndustryDocument: 'urn:ferd:CrossIndustryDocument:invoice:1p0',
};

export interface RootElement {
  localName: string;
  namespace: string | null;
}

const SNIFF_BYTES = 64 * 1024;

/** The root element's local name and namespace URI, or null when the text does not start like XML. */
export function sniffRoot(text: string): RootElement | null {
  const head = text.slice(0, SNIFF_BYTES);
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head.charAt(i))) i++;
    if (head.startsWith('<?', i)) i = skipPast(head, '?>', i);
    else if (head.startsWith('<!--', i)) i = skipPast(head, '-->', i);
    else break;
    if (i < 0) return null;
  }
  if (head.charAt(i) !== '<') return null;
  const end = head.indexOf('>', i);
  if (end < 0) return null;
  const tag = head.slice(i + 1, end);
  const name = /^([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(tag);
  if (!name) return null;
  const prefix = name[1]?.slice(0, -1);
  const localName = name[2] ?? '';
  const nsAttr = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
  const ns = new RegExp(`\\s${nsAttr.replace('.', '\\.')}\\s*=\\s*(["'])([^"']*)\\1`).exec(tag);
  return { localName, namespace: ns?.[2] ?? null };
}

function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** Which e-invoice syntax a root element belongs to, by local name and namespace. */
export function syntaxOf(root: RootElement): EInvoiceSyntax | null {
  if (UBL_NAMESPACES[root.localName] === root.namespace) return 'ubl';
  if (CII_NAMESPACES[root.localName] === root.namespace) return 'cii';
  return null;
}

/** Sniffs bytes: 'ubl' or 'cii' when the root element is a UBL Invoice/CreditNote or a CII invoice. */
export function detectEInvoiceXml(bytes: Uint8Array): EInvoiceSyntax | null {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES));
  const root = sniffRoot(text);
  return root === null ? null : syntaxOf(root);
}
