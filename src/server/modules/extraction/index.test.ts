import { describe, expect, it } from 'vitest';
import { ExtractionResult } from '../../../shared/contracts/extraction';
import { extractDocument } from './index';

describe('extractDocument', () => {
  it('when an HTML email body is given, then fields are read from its text and the result fits the contract', async () => {
    const html = `<!DOCTYPE html><html><head><style>td{color:red}</style></head><body>
      <h1>Brightside Books Ltd</h1><p>12 High Street, Leeds LS1 4AB</p><p>Receipt for your order</p>
      <p>Order date: 14 March 2024</p>
      <table><tr><td>Subtotal</td><td>&pound;20.00</td></tr><tr><td>VAT</td><td>&pound;4.00</td></tr>
      <tr><td>Total</td><td>&pound;24.00</td></tr></table><script>track()</script></body></html>`;
    const r = await extractDocument({ bytes: Buffer.from(html), fileName: 'email.pdf' }, { country: 'GB' });
    expect(ExtractionResult.parse(r)).toEqual(r);
    expect(r.source).toBe('html');
    expect([r.supplier.name, r.date, r.currency, r.net, r.tax, r.total]).toEqual([
      'Brightside Books Ltd',
      '2024-03-14',
      'GBP',
      '20.00',
      '4.00',
      '24.00',
    ]);
    expect(r.text).not.toMatch(/track|color/);
  });

  it('when JSON words are given with the words option, then they are read as a positioned document', async () => {
    const words = [
      { text: 'CORNER', box: [10, 10, 80, 30] },
      { text: 'CAFE', box: [90, 10, 140, 30] },
      { text: 'SDN', box: [150, 10, 190, 30] },
      { text: 'BHD', box: [200, 10, 240, 30] },
      { text: 'TOTAL', box: [10, 200, 70, 220] },
      { text: 'RM12.50', box: [200, 201, 260, 221] },
    ];
    const r = await extractDocument(
      { bytes: Buffer.from(JSON.stringify(words)), fileName: 'w.json' },
      { words: true, country: 'MY' },
    );
    expect([r.source, r.supplier.name, r.total, r.currency]).toEqual([
      'words',
      'CORNER CAFE SDN BHD',
      '12.50',
      'MYR',
    ]);
    expect(r.locations.total).toEqual({ page: 1, box: [200, 201, 260, 221] });
  });
});
