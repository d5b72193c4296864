import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { sharedDataPath } from '../../../../../test/support/shared-data';

/**
 * A small reader for Intuit's QuickBooks Online XSDs: just enough of XML Schema to know, per
 * type, which elements exist, how often (minOccurs/maxOccurs), of which type, and which
 * enumerations a simple type allows. Documentation, keys and namespaces are ignored.
 */

export interface XsdElement {
  readonly name: string;
  /** A named type ("xs:decimal", "ReferenceType"), or null when declared inline. */
  readonly type: string | null;
  readonly inline: XsdComplexType | null;
  readonly minOccurs: number;
  readonly maxOccurs: number;
}

export interface XsdComplexType {
  readonly name: string;
  readonly base: string | null;
  readonly elements: readonly XsdElement[];
  readonly attributes: readonly string[];
  /** For simple content (ReferenceType): the type of the text value. */
  readonly simpleContentBase: string | null;
  readonly openContent: boolean;
}

export interface XsdSimpleType {
  readonly name: string;
  readonly base: string;
  readonly enumeration: readonly string[] | null;
}

export interface XsdModel {
  readonly complexTypes: ReadonlyMap<string, XsdComplexType>;
  readonly simpleTypes: ReadonlyMap<string, XsdSimpleType>;
}

type Node = Record<string, unknown>;

const FILES = ['IntuitBaseTypes.xsd', 'IntuitNamesTypes.xsd', 'Finance.xsd', 'SalesTax.xsd'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  isArray: (name) => !name.startsWith('@'),
});

function children(node: Node | undefined, tag: string): Node[] {
  const value = node?.[tag];
  return Array.isArray(value) ? (value as Node[]) : [];
}

function attr(node: Node | undefined, name: string): string | undefined {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? value : undefined;
}

function occurs(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  return value === 'unbounded' ? Number.POSITIVE_INFINITY : Number(value);
}

export function readXsd(texts: readonly string[]): XsdModel {
  const complexTypes = new Map<string, XsdComplexType>();
  const simpleTypes = new Map<string, XsdSimpleType>();
  const groups = new Map<string, Node>();
  const schemas = texts.flatMap((text) => children(parser.parse(text) as Node, 'xs:schema'));

  for (const schema of schemas)
    for (const group of children(schema, 'xs:group')) groups.set(attr(group, 'name') ?? '', group);

  /** Elements of a sequence/choice/group, in order; `optional` marks choice members and optional groups. */
  const particles = (container: Node, optional: boolean): XsdElement[] => {
    const found: XsdElement[] = [];
    for (const element of children(container, 'xs:element')) {
      const inline = children(element, 'xs:complexType')[0];
      found.push({
        name: attr(element, 'name') ?? attr(element, 'ref') ?? '',
        type: attr(element, 'type') ?? null,
        inline: inline ? complexType('', inline) : null,
        minOccurs: optional ? 0 : occurs(attr(element, 'minOccurs'), 1),
        maxOccurs: occurs(attr(element, 'maxOccurs'), 1),
      });
    }
    for (const sequence of children(container, 'xs:sequence')) {
      found.push(...particles(sequence, optional || occurs(attr(sequence, 'minOccurs'), 1) === 0));
    }
    for (const choice of children(container, 'xs:choice')) found.push(...particles(choice, true));
    for (const ref of children(container, 'xs:group')) {
      const group = groups.get(attr(ref, 'ref') ?? '');
      if (group) found.push(...particles(group, optional || occurs(attr(ref, 'minOccurs'), 1) === 0));
    }
    return found;
  };

  const hasAny = (container: Node): boolean =>
    children(container, 'xs:any').length > 0 || children(container, 'xs:sequence').some(hasAny);

  function complexType(name: string, node: Node): XsdComplexType {
    const extension =
      children(children(node, 'xs:complexContent')[0], 'xs:extension')[0] ??
      children(children(node, 'xs:complexContent')[0], 'xs:restriction')[0];
    const simple = children(children(node, 'xs:simpleContent')[0], 'xs:extension')[0];
    const body = extension ?? simple ?? node;
    return {
      name,
      base: extension ? (attr(extension, 'base') ?? null) : null,
      elements: particles(body, false),
      attributes: children(body, 'xs:attribute').map((a) => attr(a, 'name') ?? ''),
      simpleContentBase: simple ? (attr(simple, 'base') ?? 'xs:string') : null,
      openContent: hasAny(body),
    };
  }

  for (const schema of schemas) {
    for (const node of children(schema, 'xs:complexType')) {
      const name = attr(node, 'name') ?? '';
      complexTypes.set(name, complexType(name, node));
    }
    for (const node of children(schema, 'xs:simpleType')) {
      const name = attr(node, 'name') ?? '';
      const restriction = children(node, 'xs:restriction')[0];
      const enums = children(restriction, 'xs:enumeration').map((e) => attr(e, 'value') ?? '');
      simpleTypes.set(name, {
        name,
        base: attr(restriction, 'base') ?? 'xs:string',
        enumeration: enums.length > 0 ? enums : null,
      });
    }
  }
  return { complexTypes, simpleTypes };
}

/** Reads the QuickBooks Online model from the shared data folder; null when absent. */
export function loadQuickbooksXsd(): XsdModel | null {
  const dir = sharedDataPath('api-specs', 'quickbooks-online');
  return dir === null ? null : readXsd(FILES.map((file) => readFileSync(join(dir, file), 'utf8')));
}

let cached: { model: XsdModel | null } | undefined;

/** The model, parsed once per process. */
export function quickbooksXsd(): XsdModel | null {
  cached ??= { model: loadQuickbooksXsd() };
  return cached.model;
}

export const QBO_XSD_UNAVAILABLE =
  'The QuickBooks Online XSDs (api-specs/quickbooks-online/*.xsd) are not available; request bodies were not validated.';
