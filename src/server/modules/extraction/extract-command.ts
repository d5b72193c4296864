import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { ExtractionResult } from '../../../shared/contracts/extraction';
import { isDocketError } from '../../lib/errors';
import { closeExtraction, extractDocument, type ExtractOptions } from './index';

const USAGE = 'usage: docket extract FILE... [--json] [--words] [--country CC] [--currency CUR]';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * `docket extract FILE...`: reads each file in one process (the OCR worker stays warm) and prints its
 * fields, human-readable or as JSON (one object, or an array for several files). An unreadable file
 * gets a one-line reason on stderr and makes the exit code 1.
 */
export async function runExtractCommand(argv: string[], io: Io = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        words: { type: 'boolean' },
        country: { type: 'string' },
        currency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`docket extract: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  if (values.country !== undefined && !/^[A-Za-z]{2}$/.test(values.country)) {
    io.err('docket extract: --country takes a two-letter country code such as GB or US\n');
    return 2;
  }
  if (values.currency !== undefined && !/^[A-Za-z]{3}$/.test(values.currency)) {
    io.err('docket extract: --currency takes a three-letter currency code such as EUR\n');
    return 2;
  }
  const options: ExtractOptions = { words: values.words === true };
  if (values.country !== undefined) options.country = values.country.toUpperCase();
  if (values.currency !== undefined) options.currency = values.currency.toUpperCase();

  const results: Record<string, unknown>[] = [];
  let failed = 0;
  try {
    for (const file of positionals) {
      try {
        const bytes = await readInput(file);
        const result = await extractDocument({ bytes, fileName: file }, options);
        if (values.json === true) results.push(toJson(result));
        else io.out(formatHuman(result));
      } catch (error) {
        failed += 1;
        io.err(`docket extract: ${file}: ${reasonOf(error, file)}\n`);
      }
    }
  } finally {
    await closeExtraction();
  }
  if (values.json === true && results.length > 0) {
    io.out(
      `${JSON.stringify(results.length === 1 && positionals.length === 1 ? results[0] : results, null, 2)}\n`,
    );
  }
  return failed > 0 ? 1 : 0;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') throw new Error('file not found');
    if (code === 'EISDIR') throw new Error('is a folder, not a file');
    if (code === 'EACCES') throw new Error('permission denied');
    throw new Error('could not be read');
  }
}

function reasonOf(error: unknown, file: string): string {
  if (isDocketError(error)) {
    const message = firstLine(error.message);
    // The reason names the file already; say it once.
    return message.startsWith(`${file} `) ? `it${message.slice(file.length)}` : message;
  }
  if (
    error instanceof Error &&
    /^(file not found|is a folder|permission denied|could not be read)/.test(error.message)
  ) {
    return error.message;
  }
  return 'could not be read (unexpected error)';
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

/** Everything but the plain text, which can be long. */
function toJson(result: ExtractionResult): Record<string, unknown> {
  const { text: _text, ...rest } = result;
  return rest;
}

function formatHuman(r: ExtractionResult): string {
  const c = (name: keyof ExtractionResult['confidence']): string => {
    const v = r.confidence[name];
    return v === undefined ? '' : `  (${Math.round(v * 100)}%)`;
  };
  const money = (v: string | null): string =>
    v === null ? '-' : `${v}${r.currency ? ` ${r.currency}` : ''}`;
  const rows: [string, string][] = [
    ['Type', `${r.documentType}${c('documentType')}`],
    ['Supplier', `${r.supplier.name ?? '-'}${c('supplierName')}`],
    ['Address', `${r.supplier.address ?? '-'}${c('supplierAddress')}`],
    ['Tax id', `${r.supplier.taxId ?? '-'}${c('supplierTaxId')}`],
    ['Date', `${r.date ?? '-'}${c('date')}`],
    ['Due date', `${r.dueDate ?? '-'}${c('dueDate')}`],
    ['Invoice no', `${r.invoiceNumber ?? '-'}${c('invoiceNumber')}`],
    ['PO number', `${r.poNumber ?? '-'}${c('poNumber')}`],
    ['Currency', `${r.currency ?? '-'}${c('currency')}`],
    ['Net', `${money(r.net)}${c('net')}`],
    ['Tax', `${money(r.tax)}${c('tax')}`],
    ['Total', `${money(r.total)}${c('total')}`],
    ['Card', r.cardLast4 === null ? '-' : `**** ${r.cardLast4}`],
  ];
  let out = `${r.file}  [${r.source}, ${r.pageCount} page${r.pageCount === 1 ? '' : 's'}]\n`;
  for (const [label, value] of rows) out += `  ${label.padEnd(11)} ${value}\n`;
  if (r.lineItems.length > 0) {
    out += `  Lines\n`;
    for (const item of r.lineItems.slice(0, 30)) {
      const qty = item.quantity === null ? '' : `${item.quantity} x `;
      const unit = item.unitPrice === null ? '' : `${item.unitPrice} = `;
      out += `    ${(item.description ?? '').slice(0, 50).padEnd(50)} ${qty}${unit}${item.amount ?? ''}\n`;
    }
  }
  for (const w of r.warnings) out += `  ! ${w}\n`;
  return `${out}\n`;
}
