/**
 * Safe XML reading for e-invoices: size limit, no DTDs or entities, well-formedness, and a small
 * namespace-agnostic tree walker over fast-xml-parser's output.
 */
import { XMLParser } from 'fast-xml-parser';
import { Invalid } from '../../../lib/errors';

/** Largest XML we read. Real invoices are well under 1 MB; XRechnung with embedded PDFs ~ 5 MB. */
export const MAX_XML_BYTES = 20 * 1024 * 1024;

/** A parsed element: child elements by local name (always arrays), attributes as "@name", text as "#text". */
export type XNode = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

const ENCODINGS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-1': 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  'windows-1252': 'windows-1252',
  'us-ascii': 'utf-8',
};

/** Decodes bytes to text, honouring the XML declaration's encoding. Rejects oversized input. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_XML_BYTES) {
    throw new Invalid(
      `The XML file is ${String(bytes.byteLength)} bytes; e-invoices larger than ${String(MAX_XML_BYTES)} bytes are not accepted.`,
      { file: 'too large' },
    );
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  if (head.charCodeAt(0) === 0xfe || head.charCodeAt(0) === 0xff) {
    throw new Invalid('The XML file is UTF-16 encoded; only UTF-8 and ISO-8859 e-invoices are accepted.', {
      file: 'unsupported encoding',
    });
  }
  const declared = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(
    head,
  )?.[1];
  const label = declared === undefined ? 'utf-8' : ENCODINGS[declared.toLowerCase()];
  if (label === undefined) {
    throw new Invalid(`The XML declares the encoding "${declared ?? ''}", which is not supported.`, {
      file: 'unsupported encoding',
    });
  }
  return new TextDecoder(label).decode(bytes);
}

/**
 * Refuses what an invoice never needs and an attacker loves: DTDs (external entities, XXE, entity
 * expansion such as "billion laughs"). Checked on the raw text before any parser sees it.
 */
export function assertNoDtd(text: string): void {
  if (/<!DOCTYPE/i.test(text)) {
    throw new Invalid(
      'The XML contains a DOCTYPE declaration; e-invoices never need one and it is refused for security (entity expansion, external entities).',
      { file: 'DOCTYPE not allowed' },
    );
  }
  if (/<!ENTITY/i.test(text)) {
    throw new Invalid('The XML declares entities (<!ENTITY>); they are refused for security.', {
      file: 'ENTITY not allowed',
    });
  }
}

/** Parses XML text into the root element and its local name. Throws Invalid for malformed XML. */
export function parseXml(text: string): { rootName: string; root: XNode } {
  assertNoDtd(text);
  const problem = wellFormednessProblem(text);
  if (problem !== null) {
    throw new Invalid(`The file is not well-formed XML: ${problem}.`, { file: 'malformed XML' });
  }
  let doc: unknown;
  try {
    doc = parser.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Invalid(`The XML could not be read: ${reason}`, { file: 'malformed XML' });
  }
  if (!isNode(doc)) throw new Invalid('The XML has no root element.', { file: 'empty XML' });
  const names = Object.keys(doc).filter((k) => !k.startsWith('#') && !k.startsWith('@'));
  const rootName = names[0];
  if (rootName === undefined || names.length !== 1) {
    throw new Invalid('The XML must have exactly one root element.', { file: 'malformed XML' });
  }
  const root = kids(doc, rootName)[0];
  if (root === undefined) throw new Invalid('The XML has no root element.', { file: 'empty XML' });
  return { rootName, root };
}

/**
 * A structural well-formedness check (fast-xml-parser itself is lenient): tags balance and nest,
 * exactly one root element, nothing but whitespace, comments and processing instructions outside
 * it, no unterminated markup. Returns a description of the first problem, or null.
 */
export function wellFormednessProblem(text: string): string | null {
  const stack: string[] = [];
  let seenRoot = false;
  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    const between = text.slice(i, lt < 0 ? text.length : lt);
    if (stack.length === 0 && between.trim() !== '' && between.trim() !== '\uFEFF') {
      return seenRoot ? 'text after the end of the root element' : 'text before the root element';
    }
    if (lt < 0) break;
    if (text.startsWith('<?', lt) || text.startsWith('<!--', lt) || text.startsWith('<![CDATA[', lt)) {
      const [close, what] = text.startsWith('<?', lt)
        ? ['?>', 'processing instruction']
        : text.startsWith('<!--', lt)
          ? ['-->', 'comment']
          : [']]>', 'CDATA section'];
      const end = text.indexOf(close, lt + 2);
      if (end < 0) return `unterminated ${what} at offset ${String(lt)}`;
      if (what === 'CDATA section' && stack.length === 0) return 'CDATA outside the root element';
      i = end + close.length;
      continue;
    }
    if (text.startsWith('<!', lt)) return `markup declaration at offset ${String(lt)} is not allowed`;
    const end = tagEnd(text, lt + 1);
    if (end < 0) return `unterminated tag at offset ${String(lt)} (the file may be truncated)`;
    const body = text.slice(lt + 1, end);
    if (body.startsWith('/')) {
      const name = body.slice(1).trim();
      const open = stack.pop();
      if (open !== name) {
        return open === undefined
          ? `closing tag </${name}> without an opening tag`
          : `closing tag </${name}> does not match <${open}>`;
      }
    } else {
      const name = /^[^\s/>]+/.exec(body)?.[0];
      if (name === undefined) return `empty tag at offset ${String(lt)}`;
      if (stack.length === 0 && seenRoot) return `a second root element <${name}>`;
      seenRoot = true;
      if (!body.endsWith('/')) stack.push(name);
    }
    i = end + 1;
  }
  if (!seenRoot) return 'no root element';
  const open = stack.at(-1);
  return open === undefined ? null : `<${open}> is never closed (the file may be truncated)`;
}

/** Index of the ">" that ends the tag starting at `from`, skipping quoted attribute values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote !== null) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
    else if (c === '<') return -1;
  }
  return -1;
}

function isNode(value: unknown): value is XNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Child elements with this local name (in document order). */
export function kids(node: XNode | undefined, name: string): XNode[] {
  if (node === undefined) return [];
  const value = node[name];
  if (!Array.isArray(value)) return [];
  const out: XNode[] = [];
  for (const item of value as unknown[]) {
    if (isNode(item)) out.push(item);
    else if (typeof item === 'string') out.push({ '#text': item });
  }
  return out;
}

/** The first element along a path of local names. */
export function kid(node: XNode | undefined, ...path: string[]): XNode | undefined {
  let current = node;
  for (const name of path) {
    current = kids(current, name)[0];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Every element reached along a path of local names. */
export function all(node: XNode | undefined, ...path: string[]): XNode[] {
  let current: XNode[] = node === undefined ? [] : [node];
  for (const name of path) current = current.flatMap((n) => kids(n, name));
  return current;
}

/** Text content of an element (entities decoded, trimmed), or null when absent or empty. */
export function txt(node: XNode | undefined): string | null {
  if (node === undefined) return null;
  const raw = node['#text'];
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const value = decodeEntities(String(raw)).trim();
  return value === '' ? null : value;
}

/** Text at a path below a node. */
export function at(node: XNode | undefined, ...path: string[]): string | null {
  return txt(kid(node, ...path));
}

export function attr(node: XNode | undefined, name: string): string | null {
  const raw = node?.[`@${name}`];
  return typeof raw === 'string' ? decodeEntities(raw).trim() : null;
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references; nothing else exists without a DTD. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (match, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? match;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? match;
    return PREDEFINED[ref] ?? match;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}
