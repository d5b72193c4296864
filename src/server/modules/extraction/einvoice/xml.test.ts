import { describe, expect, it } from 'vitest';
import { Invalid } from '../../../lib/errors';
import { detectEInvoiceXml, MAX_XML_BYTES, parseEInvoiceXml } from './index';
import { bytesOf, ciiInvoice, ublInvoice } from './testing/fixtures';
import { decodeEntities, wellFormednessProblem } from './xml';

const UBL_NS = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';

function billionLaughs(): string {
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) {
    const ref = `&lol${String(i - 1)};`;
    entities.push(`<!ENTITY lol${String(i)} "${ref.repeat(10)}">`);
  }
  return `<?xml version="1.0"?>\n<!DOCTYPE Invoice [\n${entities.join('\n')}\n]>\n<Invoice xmlns="${UBL_NS}"><ID>&lol9;</ID></Invoice>`;
}

function deeplyNested(depth: number): string {
  return `<Invoice xmlns="${UBL_NS}">${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</Invoice>`;
}

const valid = ublInvoice();

/** Hostile or broken inputs, each with the reason it must be refused. */
const hostile: [string, () => Uint8Array, RegExp][] = [
  [
    'a DOCTYPE declaration',
    () => bytesOf(valid.replace('<Invoice', '<!DOCTYPE Invoice>\n<Invoice')),
    /DOCTYPE/,
  ],
  [
    'an external entity (XXE)',
    () =>
      bytesOf(
        `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Invoice xmlns="${UBL_NS}"><ID>&xxe;</ID></Invoice>`,
      ),
    /DOCTYPE/,
  ],
  ['entity expansion ("billion laughs")', () => bytesOf(billionLaughs()), /DOCTYPE/],
  [
    'an entity declaration without DOCTYPE',
    () => bytesOf(valid.replace('<cbc:ID>', '<!ENTITY x "y"><cbc:ID>')),
    /ENTITY/,
  ],
  ['truncated XML', () => bytesOf(valid.slice(0, Math.floor(valid.length / 2))), /not well-formed|truncated/],
  [
    'mismatched closing tags',
    () => bytesOf(valid.replace('</cbc:IssueDate>', '</cbc:DueDate>')),
    /not well-formed/,
  ],
  [
    'a second root element',
    () => bytesOf(`${valid}<Invoice xmlns="${UBL_NS}"/>`),
    /second root|after the end/,
  ],
  [
    'a non-invoice root element (UBL Order)',
    () => bytesOf('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>'),
    /not an e-invoice: its root element is <Order>/,
  ],
  [
    'an Invoice element in a foreign namespace',
    () => bytesOf('<Invoice xmlns="urn:example:other"><ID>1</ID></Invoice>'),
    /not an e-invoice/,
  ],
  ['not XML at all', () => bytesOf('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /not an XML document/],
  ['an empty file', () => new Uint8Array(0), /not an XML document/],
  ['UTF-16 bytes', () => new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), /UTF-16/],
  ['a file over the size limit', () => new Uint8Array(MAX_XML_BYTES + 1).fill(0x20), /not accepted/],
  ['nesting 5000 levels deep', () => bytesOf(deeplyNested(5000)), /could not be read|nested/i],
];

describe('hostile and broken XML', () => {
  it.each(hostile)(
    'when the input has %s, then it is rejected with a reason',
    (_what, make, reason) => {
      const bytes = make();
      let caught: unknown;
      try {
        parseEInvoiceXml(bytes, 'hostile.xml');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(Invalid);
      expect((caught as Invalid).message).toMatch(reason);
    },
    2_000,
  );
});

describe('detectEInvoiceXml', () => {
  it('when the root is a UBL Invoice or CreditNote, then it says ubl', () => {
    expect(detectEInvoiceXml(bytesOf(valid))).toBe('ubl');
    const creditNote =
      '<?xml version="1.0"?><!-- c --><CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>';
    expect(detectEInvoiceXml(bytesOf(creditNote))).toBe('ubl');
  });

  it('when the root is a CII invoice (prefixed), then it says cii', () => {
    expect(detectEInvoiceXml(bytesOf(ciiInvoice()))).toBe('cii');
  });

  it('when the root is something else, then it says null', () => {
    expect(detectEInvoiceXml(bytesOf('<html><body/></html>'))).toBeNull();
    expect(detectEInvoiceXml(bytesOf('plain text'))).toBeNull();
  });
});

describe('XML helpers', () => {
  it('when text holds predefined entities and character references, then they are decoded', () => {
    expect(decodeEntities('A &amp; B &lt;C&gt; &#228;&#x20AC; &unknown;')).toBe('A & B <C> ä€ &unknown;');
  });

  it('when a quoted attribute contains ">", then the tag is still read as well-formed', () => {
    expect(wellFormednessProblem('<a b="x>y"><c/></a>')).toBeNull();
    expect(wellFormednessProblem('<a><b></a>')).toMatch(/does not match/);
  });
});
