import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExtractionResult } from '../../../../shared/contracts/extraction';
import { missingDataMessage } from '../../../../../test/support/shared-data';
import { Invalid } from '../../../lib/errors';
import { extractFacturX, parseEInvoiceXml } from './index';
import { compareWithManifest, einvoiceRoot, loadCorpus } from './testing/corpus';

const root = einvoiceRoot();
const cases = root === null ? [] : loadCorpus(root);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

const validXml = cases.filter((c) => c.kind === 'valid' && c.format === 'xml');
const validPdf = cases.filter((c) => c.kind === 'valid' && c.format === 'pdf');
const negative = cases.filter((c) => c.kind === 'negative');
const otherXml = cases.filter((c) => c.kind === 'other' && c.format === 'xml');

describe.skipIf(root === null)(
  root === null ? missingDataMessage('einvoice/') : 'e-invoice corpus (manifest.csv)',
  () => {
    it('when the corpus is loaded, then every folder contributed cases', () => {
      expect(validXml.length).toBeGreaterThan(150);
      expect(validPdf.length).toBeGreaterThan(10);
      expect(negative.length).toBe(4);
    });

    it.each(validXml.map((c) => [c.label, c] as const))(
      'when %s is parsed, then totals, VAT, amount due and line count equal the manifest',
      (_label, c) => {
        const result = parseEInvoiceXml(read(c.path), c.label);
        expect(ExtractionResult.safeParse(result).success).toBe(true);
        expect(c.expected).not.toBeNull();
        if (c.expected === null) return;
        expect(compareWithManifest(result, c.expected)).toEqual([]);
        expect(result.invoiceNumber).toBe(c.expected.number);
        if (c.expected.currency !== '') expect(result.currency).toBe(c.expected.currency);
        expect(result.confidence.total ?? 1).toBe(1);
      },
    );

    it.each(validPdf.map((c) => [c.label, c] as const))(
      'when the hybrid PDF %s is read, then its embedded invoice equals the manifest',
      async (_label, c) => {
        const result = await extractFacturX(read(c.path), c.label);
        expect(result?.source).toBe('facturx');
        expect(c.expected).not.toBeNull();
        if (result === null || c.expected === null) return;
        expect(compareWithManifest(result, c.expected)).toEqual([]);
        expect(result.pageCount).toBeGreaterThan(0);
      },
    );

    it.each(otherXml.map((c) => [c.label, c] as const))(
      'when %s (not an invoice) is parsed, then it is rejected as not an e-invoice',
      (_label, c) => {
        expect(() => parseEInvoiceXml(read(c.path), c.label)).toThrow(/not an e-invoice/);
      },
    );

    const expectedReasons: Record<string, RegExp> = {
      'XMLinvalidV2PDF.pdf': /CII-DT-031/,
      'corruptedV2PDF.pdf': /declares the embedded e-invoice "factur-x\.xml".*no such attachment/,
      'invalidXMP.pdf': /ConformanceLevel "no thing"/,
      'invalidXRechnung.pdf': /BR-DE-2/,
    };
    it.each(negative.map((c) => [c.label, c] as const))(
      'when the broken-on-purpose %s is read, then it is rejected with the broken rule',
      async (label, c) => {
        const name = label.split('/').pop() ?? '';
        const error = await extractFacturX(read(c.path), c.label).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(Invalid);
        expect((error as Invalid).message).toMatch(expectedReasons[name] ?? /./);
      },
    );

    it('when a PDF carries no embedded XML, then extractFacturX returns null', async () => {
      const plain = cases.find((c) => c.kind === 'other' && c.format === 'pdf');
      expect(plain).toBeDefined();
      if (plain === undefined) return;
      expect(await extractFacturX(read(plain.path), plain.label)).toBeNull();
    });
  },
);
