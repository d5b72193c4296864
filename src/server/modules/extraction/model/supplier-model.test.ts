import { describe, expect, it } from 'vitest';
import { linesFromText, medianWordHeight, type Line } from '../lines';
import type { SparseVector } from './candidates';
import { lineFacts } from './line-features';
import { rankCandidates, trainRanker, type Group } from './ranker';
import { bundledModel } from './bundled';
import { parseSupplierModel, predictSupplier, spanLines, supplierCandidates } from './supplier-model';

/** Lines with a chosen height per row (a big shop name over small print), left-aligned or centred. */
function layout(rows: readonly (readonly [string, number, boolean?])[]): Line[] {
  let y = 0;
  return rows.map(([text, height, centred], index) => {
    const width = text.length * height * 0.6;
    const x0 = centred === true ? 300 - width / 2 : 20;
    const box: [number, number, number, number] = [x0, y, x0 + width, y + height];
    y += height * 1.4;
    return { page: 1, index, text, box, words: [{ text, box, page: 1 }] };
  });
}

const RECEIPT = layout([
  ['KEDAI RUNCIT MAJU SDN BHD', 30, true],
  ['(CO. REG 123456-X)', 16, true],
  ['NO 12, JALAN MAWAR 3,', 16, true],
  ['TAMAN BUKIT INDAH,', 16, true],
  ['81200 JOHOR BAHRU.', 16, true],
  ['TEL: 07-123 4567', 16, true],
  ['TAX INVOICE', 16, true],
  ['DATE: 12/03/2018', 16],
  ['BREAD 2 5.00', 16],
  ['TOTAL 5.00', 16],
]);

describe('line facts', () => {
  it('when a line carries a legal form, a street word and a postcode, then those facts are set', () => {
    const facts = lineFacts(RECEIPT, medianWordHeight(RECEIPT));
    const [name, reg, street, , town, tel, title, date] = facts;
    expect(name?.legal).toBe(true);
    expect(name?.height).toBeGreaterThan(1.5);
    expect(name?.centred).toBeGreaterThan(0.85);
    expect(name?.upper).toBe(1);
    expect(reg?.regNumber).toBe(true);
    expect(street?.street).toBe(true);
    expect(street?.startsWithNumber).toBe(true);
    expect(street?.endsComma).toBe(true);
    expect(town?.postcode).toBe(true);
    expect(town?.endsStop).toBe(true);
    expect(tel?.contact).toBe(true);
    expect(title?.title).toBe(true);
    expect(date?.date).toBe(true);
    expect(facts[8]?.amount).toBe(true);
  });

  it('when postcodes and street words of other countries appear, then they are recognised', () => {
    const lines = linesFromText(
      [
        'Uferweg 40-42',
        'D-63571 Gelnhausen',
        '3012 CN Rotterdam',
        '27 rue Henri Rolland',
        'SW1A 1AA London',
      ].join('\n'),
    );
    const facts = lineFacts(lines, medianWordHeight(lines));
    expect(facts.map((f) => f.postcode)).toEqual([false, true, true, false, true]);
    expect(facts[0]?.street).toBe(true);
    expect(facts[3]?.street).toBe(true);
  });
});

describe('ranker', () => {
  // Candidates described by two features; the right one always has "good" and never "bad".
  const group = (right: number, n: number): Group => ({
    x: Array.from({ length: n }, (_, i): SparseVector =>
      i === right
        ? [['good', 1]]
        : [
            ['bad', 1],
            ['good', i % 3 === 0 ? 1 : 0],
          ],
    ),
    right: Array.from({ length: n }, (_, i) => i === right),
  });
  const groups = [group(0, 4), group(2, 5), group(1, 3), group(3, 6)];

  it('when trained twice on the same data, then the weights are identical', () => {
    const a = trainRanker(groups, { iterations: 50, rate: 0.05, l2: 0.01 });
    const b = trainRanker(groups, { iterations: 50, rate: 0.05, l2: 0.01 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('when a feature marks the wrong candidates, then it gets a negative weight and the right one ranks first', () => {
    const w = trainRanker(groups, { iterations: 100, rate: 0.05, l2: 0.01 });
    expect(w.w[w.names.indexOf('bad')]).toBeLessThan(0);
    const p = rankCandidates(w, [
      [['bad', 1]],
      [['good', 1]],
      [
        ['bad', 1],
        ['good', 1],
      ],
    ]);
    expect(p[1]).toBeGreaterThan(0.5);
    expect(p.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 9);
  });

  it('when a document has no right candidate, then it does not change the weights', () => {
    const none: Group = { x: [[['bad', 1]], [['good', 1]]], right: [false, false] };
    const a = trainRanker(groups, { iterations: 30, rate: 0.05, l2: 0.01 });
    const b = trainRanker([...groups, none], { iterations: 30, rate: 0.05, l2: 0.01 });
    expect(b).toEqual(a);
  });
});

describe('supplier model', () => {
  it('when the weights file is broken, then it is refused (the rules take over)', () => {
    expect(parseSupplierModel({})).toBeNull();
    expect(
      parseSupplierModel({ name: { names: ['a'], mean: [0], scale: [1], w: [] }, address: {} }),
    ).toBeNull();
  });

  it('when the committed weights read a receipt layout, then the big top line is the name and the lines down to the phone are the address', () => {
    expect(bundledModel).not.toBeNull();
    if (!bundledModel) return;
    const cands = supplierCandidates(RECEIPT, medianWordHeight(RECEIPT), { name: null, address: null });
    const choice = predictSupplier(bundledModel, cands);
    const text = (s: { start: number; end: number } | undefined): string =>
      s
        ? spanLines(cands.facts, s)
            .map((l) => l.text)
            .join(' ')
        : '';
    expect(text(choice.name?.span)).toBe('KEDAI RUNCIT MAJU SDN BHD');
    expect(text(choice.address?.span)).toBe('NO 12, JALAN MAWAR 3, TAMAN BUKIT INDAH, 81200 JOHOR BAHRU.');
  });

  it('when candidates are built, then no address runs through a phone, date or title line', () => {
    const cands = supplierCandidates(RECEIPT, medianWordHeight(RECEIPT), { name: null, address: null });
    for (const c of cands.addresses) {
      for (const f of cands.facts.slice(c.span.start, c.span.end + 1)) {
        expect(f.contact || f.date || f.title).toBe(false);
      }
    }
    expect(cands.addresses.length).toBeGreaterThan(5);
  });
});
