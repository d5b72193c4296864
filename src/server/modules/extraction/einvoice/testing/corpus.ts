/**
 * The shared e-invoice conformance material (never copied into the repository): manifest rows,
 * which files are valid, broken on purpose, or not invoices at all, and how to compare a result
 * with the manifest. Used by the tests and by scripts/eval-einvoice.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractionResult } from '../../../../../shared/contracts/extraction';
import { compareDecimal } from '../../../../../shared/money';
import { sharedDataPath } from '../../../../../../test/support/shared-data';

export const MANIFEST_COLUMNS = [
  'file',
  'syntax',
  'customization_id',
  'type_code',
  'number',
  'issue_date',
  'currency',
  'seller',
  'buyer',
  'tax_exclusive',
  'tax_total',
  'tax_inclusive',
  'payable',
  'lines',
] as const;
export type ManifestRow = Record<(typeof MANIFEST_COLUMNS)[number], string>;

export type CaseKind = 'valid' | 'negative' | 'other';

export interface CorpusCase {
  kind: CaseKind;
  format: 'xml' | 'pdf';
  /** Path relative to the einvoice folder, for messages. */
  label: string;
  path: string;
  /** The manifest row to compare with (for a PDF: the row of its embedded XML); null when none. */
  expected: ManifestRow | null;
}

export const CORPUS_FOLDERS = [
  'xrechnung-testsuite',
  'en16931',
  'peppol-bis3',
  'ubl21-oasis',
  'facturx-zugferd',
] as const;

/** Parses CSV with quoted fields (which may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

export function readManifest(folderPath: string): ManifestRow[] {
  const [header, ...body] = parseCsv(readFileSync(join(folderPath, 'manifest.csv'), 'utf8'));
  if (header === undefined) return [];
  return body.map((cells) => {
    const row = {} as ManifestRow;
    for (const column of MANIFEST_COLUMNS) row[column] = cells[header.indexOf(column)] ?? '';
    return row;
  });
}

/** The e-invoice data folder, or null when the shared data is absent. */
export function einvoiceRoot(): string | null {
  return sharedDataPath('einvoice');
}

/**
 * Every case of the corpus. Valid: each manifest row that is an invoice, plus the Mustang hybrid
 * PDFs (compared with the manifest row of their embedded XML). Negative (broken on purpose, per
 * facturx-zugferd/README.md): the PDFs in mustang/negative/. Other: manifest rows marked "other:"
 * (not invoices) and the PDF without embedded XML.
 */
export function loadCorpus(root: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const rowsByLabel = new Map<string, ManifestRow>();
  for (const folder of CORPUS_FOLDERS) {
    const folderPath = join(root, folder);
    if (!existsSync(join(folderPath, 'manifest.csv'))) continue;
    for (const row of readManifest(folderPath)) {
      const label = `${folder}/${row.file}`;
      rowsByLabel.set(label, row);
      const other = row.syntax.startsWith('other:');
      cases.push({
        kind: other ? 'other' : 'valid',
        format: 'xml',
        label,
        path: join(folderPath, row.file),
        expected: other ? null : row,
      });
    }
  }
  const mustang = join(root, 'facturx-zugferd', 'mustang');
  for (const name of listPdfs(join(mustang, 'hybrid'))) {
    const stem = name.slice(0, -'.pdf'.length);
    const prefix = `facturx-zugferd/mustang/hybrid/${stem}.embedded/`;
    const expected =
      rowsByLabel.get(`${prefix}factur-x.xml`) ??
      [...rowsByLabel.entries()].find(
        ([l, r]) => l.startsWith(prefix) && !r.syntax.startsWith('other:'),
      )?.[1] ??
      null;
    cases.push({
      kind: 'valid',
      format: 'pdf',
      label: `${prefix.slice(0, -10)}.pdf`,
      path: join(mustang, 'hybrid', name),
      expected,
    });
  }
  for (const name of listPdfs(join(mustang, 'negative'))) {
    cases.push({
      kind: 'negative',
      format: 'pdf',
      label: `facturx-zugferd/mustang/negative/${name}`,
      path: join(mustang, 'negative', name),
      expected: null,
    });
  }
  for (const name of listPdfs(join(mustang, 'no-embedded-xml'))) {
    cases.push({
      kind: 'other',
      format: 'pdf',
      label: `facturx-zugferd/mustang/no-embedded-xml/${name}`,
      path: join(mustang, 'no-embedded-xml', name),
      expected: null,
    });
  }
  return cases;
}

function listPdfs(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith('.pdf'))
        .sort()
    : [];
}

/** Differences between a result and its manifest row (totals, tax, payable, line count); empty when exact. */
export function compareWithManifest(result: ExtractionResult, row: ManifestRow): string[] {
  const diffs: string[] = [];
  const money: [string, string, string | null][] = [
    ['tax_exclusive', row.tax_exclusive, result.net],
    ['tax_total', row.tax_total, result.tax],
    ['tax_inclusive', row.tax_inclusive, result.total],
    ['payable', row.payable, result.payable],
  ];
  for (const [column, want, got] of money) {
    const same = want === '' ? got === null : got !== null && compareDecimal(want, got) === 0;
    if (!same) diffs.push(`${column}: manifest ${want === '' ? '(empty)' : want}, parsed ${got ?? 'null'}`);
  }
  if (String(result.lineItems.length) !== row.lines) {
    diffs.push(`lines: manifest ${row.lines}, parsed ${String(result.lineItems.length)}`);
  }
  return diffs;
}
