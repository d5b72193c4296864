import { isRecord } from '../sim-kit/http';
import type { XsdComplexType, XsdElement, XsdModel } from './xsd';

/**
 * Checks a QuickBooks JSON entity against the XSD model: unknown fields, wrong JSON types,
 * values outside an enumeration, elements the schema requires (minOccurs >= 1), and arrays
 * where the schema allows many (QBO's JSON renders maxOccurs > 1 as arrays).
 */

export interface XsdIssue {
  readonly kind: 'unknown' | 'type' | 'enum' | 'required';
  readonly path: string;
  readonly detail: string;
}

const DECIMALS = new Set(['xs:decimal', 'xs:double', 'xs:float']);
const INTEGERS = new Set([
  'xs:int',
  'xs:integer',
  'xs:long',
  'xs:short',
  'xs:positiveInteger',
  'xs:nonNegativeInteger',
]);
const DATE_RE = /^\d{4}-\d{2}-\d{2}([+-]\d{2}:\d{2}|Z)?$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$/;

export function validateEntity(model: XsdModel, typeName: string, value: unknown): XsdIssue[] {
  const issues: XsdIssue[] = [];
  checkValue(model, typeName, null, value, typeName, issues);
  return issues;
}

/** All elements and attributes of a complex type, its bases included. */
function flatten(
  model: XsdModel,
  type: XsdComplexType,
): { elements: XsdElement[]; attributes: string[]; open: boolean } {
  const elements: XsdElement[] = [];
  const attributes: string[] = [];
  let open = false;
  let current: XsdComplexType | undefined = type;
  const seen = new Set<string>();
  while (current && !seen.has(current.name)) {
    seen.add(current.name);
    elements.unshift(...current.elements);
    attributes.push(...current.attributes);
    open ||= current.openContent;
    current = current.base === null ? undefined : model.complexTypes.get(current.base);
  }
  return { elements, attributes, open };
}

function checkValue(
  model: XsdModel,
  typeName: string | null,
  inline: XsdComplexType | null,
  value: unknown,
  path: string,
  issues: XsdIssue[],
): void {
  const complex = inline ?? (typeName === null ? undefined : model.complexTypes.get(typeName));
  if (complex) {
    if (complex.simpleContentBase !== null) {
      checkReference(model, complex, value, path, issues);
      return;
    }
    checkObject(model, complex, value, path, issues);
    return;
  }
  if (typeName !== null) checkSimple(model, typeName, value, path, issues);
}

function checkReference(
  model: XsdModel,
  complex: XsdComplexType,
  value: unknown,
  path: string,
  issues: XsdIssue[],
): void {
  if (!isRecord(value)) {
    issues.push({
      kind: 'type',
      path,
      detail: `expected an object like {"value": "..."} for ${complex.name || 'a reference'}`,
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (key === 'value')
      checkSimple(model, complex.simpleContentBase ?? 'xs:string', value[key], `${path}.value`, issues);
    else if (complex.attributes.includes(key))
      checkSimple(model, 'xs:string', value[key], `${path}.${key}`, issues);
    else issues.push({ kind: 'unknown', path: `${path}.${key}`, detail: `Unrecognized field "${key}"` });
  }
  if (value['value'] === undefined)
    issues.push({ kind: 'required', path: `${path}.value`, detail: 'value is required' });
}

function checkObject(
  model: XsdModel,
  complex: XsdComplexType,
  value: unknown,
  path: string,
  issues: XsdIssue[],
): void {
  if (!isRecord(value)) {
    issues.push({ kind: 'type', path, detail: `expected an object (${complex.name || 'element'})` });
    return;
  }
  const { elements, attributes, open } = flatten(model, complex);
  const byName = new Map(elements.map((e) => [e.name, e]));
  for (const [key, child] of Object.entries(value)) {
    const element = byName.get(key);
    if (!element) {
      if (attributes.includes(key)) continue;
      if (!open)
        issues.push({ kind: 'unknown', path: `${path}.${key}`, detail: `Unrecognized field "${key}"` });
      continue;
    }
    if (element.maxOccurs > 1) {
      if (!Array.isArray(child)) {
        issues.push({
          kind: 'type',
          path: `${path}.${key}`,
          detail: `expected an array of ${element.type ?? 'elements'}`,
        });
        continue;
      }
      child.forEach((item, i) => {
        checkValue(model, element.type, element.inline, item, `${path}.${key}[${i}]`, issues);
      });
    } else {
      checkValue(model, element.type, element.inline, child, `${path}.${key}`, issues);
    }
  }
  for (const element of elements) {
    if (element.minOccurs >= 1 && value[element.name] === undefined) {
      issues.push({
        kind: 'required',
        path: `${path}.${element.name}`,
        detail: `${element.name} is required`,
      });
    }
  }
}

function checkSimple(
  model: XsdModel,
  typeName: string,
  value: unknown,
  path: string,
  issues: XsdIssue[],
): void {
  const simple = model.simpleTypes.get(typeName);
  if (simple) {
    if (simple.enumeration !== null) {
      if (typeof value !== 'string' || !simple.enumeration.includes(value)) {
        issues.push({
          kind: 'enum',
          path,
          detail: `value ${JSON.stringify(value)} not one of declared ${typeName} values: [${simple.enumeration.join(', ')}]`,
        });
      }
      return;
    }
    checkSimple(model, simple.base, value, path, issues);
    return;
  }
  const fail = (expected: string) =>
    issues.push({
      kind: 'type',
      path,
      detail: `Can not construct instance of ${expected} from value ${JSON.stringify(value)}`,
    });
  if (DECIMALS.has(typeName)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail('decimal');
  } else if (INTEGERS.has(typeName)) {
    if (!Number.isInteger(value)) fail('integer');
  } else if (typeName === 'xs:boolean') {
    if (typeof value !== 'boolean') fail('boolean');
  } else if (typeName === 'xs:date') {
    if (typeof value !== 'string' || !DATE_RE.test(value)) fail('date (yyyy-MM-dd)');
  } else if (typeName === 'xs:dateTime') {
    if (typeof value !== 'string' || !DATETIME_RE.test(value)) fail('dateTime');
  } else if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    fail(typeName.replace(/^xs:/, ''));
  }
}
