/**
 * Factur-X / ZUGFeRD / XRechnung-in-PDF: a PDF/A-3 that carries the invoice as an embedded XML file.
 * The XML is read exactly (source 'facturx'); the PDF's XMP metadata says which attachment it is
 * and which profile it claims.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ExtractionResult } from '../../../../shared/contracts/extraction';
import { Invalid } from '../../../lib/errors';
import { detectEInvoiceXml } from './detect';
import { parseEInvoiceXml } from './parse';

/** Largest PDF we open for an embedded invoice. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** Attachment names the Factur-X, ZUGFeRD and XRechnung specifications use, in order of preference. */
const KNOWN_NAMES = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml'];

/** Profiles allowed in the XMP ConformanceLevel (Factur-X 1.0, ZUGFeRD 1.0/2.x), spaces ignored. */
const KNOWN_LEVELS = new Set(['MINIMUM', 'BASICWL', 'BASIC', 'EN16931', 'COMFORT', 'EXTENDED', 'XRECHNUNG']);

interface Attachment {
  name: string;
  content: Uint8Array;
}

export interface XmpDeclaration {
  conformanceLevel: string | null;
  documentFileName: string | null;
}

/**
 * Reads the embedded e-invoice of a hybrid PDF. Returns null when the PDF carries no e-invoice XML
 * (the caller then uses the visual path). Throws Invalid when the PDF claims to be an e-invoice but
 * the claim does not hold (unknown profile in XMP, declared attachment missing, XML breaking the
 * EN 16931 rules): the caller may still fall back to the visual path, showing the reason.
 */
export async function extractFacturX(
  pdfBytes: Uint8Array,
  fileName: string,
): Promise<ExtractionResult | null> {
  if (pdfBytes.byteLength > MAX_PDF_BYTES) {
    throw new Invalid(`${fileName} is larger than ${String(MAX_PDF_BYTES)} bytes; not opened.`, {
      file: 'too large',
    });
  }
  let doc;
  try {
    // pdfjs takes ownership of (and detaches) the buffer it is given, so hand it a copy.
    doc = await getDocument({ data: pdfBytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Invalid(`${fileName} could not be opened as a PDF: ${reason}`, { file: 'unreadable PDF' });
  }
  try {
    const attachments = toAttachments(await doc.getAttachments());
    const metadata = await doc.getMetadata();
    const xmp = readXmpDeclaration(rawXmp(metadata.metadata));

    if (
      xmp.conformanceLevel !== null &&
      !KNOWN_LEVELS.has(xmp.conformanceLevel.replace(/\s+/g, '').toUpperCase())
    ) {
      throw new Invalid(
        `${fileName}: the XMP metadata gives the Factur-X/ZUGFeRD ConformanceLevel "${xmp.conformanceLevel}", which is not a known profile (MINIMUM, BASIC WL, BASIC, EN 16931, EXTENDED, XRECHNUNG).`,
        { xmp: 'invalid ConformanceLevel' },
      );
    }
    const chosen = chooseAttachment(attachments, xmp.documentFileName);
    if (chosen === null) {
      if (xmp.documentFileName !== null) {
        throw new Invalid(
          `${fileName}: the XMP metadata declares the embedded e-invoice "${xmp.documentFileName}", but the PDF carries no such attachment (damaged or incomplete file).`,
          { file: 'declared attachment missing' },
        );
      }
      return null;
    }
    const result = parseEInvoiceXml(chosen.content, `${fileName} (${chosen.name})`, 'facturx');
    return {
      ...result,
      file: fileName,
      pageCount: doc.numPages,
      warnings: [...result.warnings, `Read from the embedded ${chosen.name}.`],
    };
  } finally {
    await doc.destroy();
  }
}

function toAttachments(value: unknown): Attachment[] {
  if (typeof value !== 'object' || value === null) return [];
  const out: Attachment[] = [];
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { filename, content } = entry as { filename?: unknown; content?: unknown };
    if (!(content instanceof Uint8Array)) continue;
    out.push({ name: typeof filename === 'string' && filename !== '' ? filename : key, content });
  }
  return out;
}

function rawXmp(metadata: unknown): string {
  if (typeof metadata !== 'object' || metadata === null) return '';
  const getRaw = (metadata as { getRaw?: unknown }).getRaw;
  if (typeof getRaw !== 'function') return '';
  const raw: unknown = getRaw.call(metadata);
  return typeof raw === 'string' ? raw : '';
}

/** The Factur-X/ZUGFeRD extension properties of the XMP packet (element or attribute form). */
export function readXmpDeclaration(xmp: string): XmpDeclaration {
  const property = (name: string): { prefix: string; value: string }[] => {
    const found: { prefix: string; value: string }[] = [];
    const element = new RegExp(`<(\\w+):${name}>([^<]*)</\\1:${name}>`, 'g');
    const attribute = new RegExp(`\\s(\\w+):${name}\\s*=\\s*"([^"]*)"`, 'g');
    for (const re of [element, attribute]) {
      for (const m of xmp.matchAll(re)) found.push({ prefix: m[1] ?? '', value: (m[2] ?? '').trim() });
    }
    return found;
  };
  const level = property('ConformanceLevel')[0];
  const names = property('DocumentFileName');
  const name = names.find((n) => n.prefix === level?.prefix) ?? names[0];
  return { conformanceLevel: level?.value ?? null, documentFileName: name?.value ?? null };
}

/** The declared attachment, else a known name, else any XML attachment that sniffs as UBL or CII. */
function chooseAttachment(attachments: readonly Attachment[], declared: string | null): Attachment | null {
  const byName = (name: string): Attachment | undefined =>
    attachments.find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (declared !== null) {
    const hit = byName(declared);
    if (hit) return hit;
  }
  for (const name of KNOWN_NAMES) {
    const hit = byName(name);
    if (hit) return hit;
  }
  return (
    attachments.find((a) => a.name.toLowerCase().endsWith('.xml') && detectEInvoiceXml(a.content) !== null) ??
    null
  );
}
