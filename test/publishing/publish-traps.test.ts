import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPublishEval, type EvalReport } from '../../scripts/eval-publish';
import { createTestDatabase } from '../support/db';
import type { Database } from '../../src/server/db/connect';

/**
 * The eval:publish corpus, small and with every kind in turn: the Xero and QuickBooks simulators,
 * a Docket app and the real publish job. Behaviour only (no timing).
 */
describe('publishing a corpus of ledger traps (seeded, every kind once or more)', () => {
  let database: Database;
  let report: EvalReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    report = await runPublishEval({ itemsPerSoftware: 40, seed: 11, everyKind: true, database });
  }, 300_000);
  afterAll(async () => database.close());

  it('when an item carries a trap the pre-check knows, then it is held in To review with that reason and never sent', () => {
    const known = report.outcomes.filter((o) => o.spec.expect.kind === 'trap');
    expect(known.length).toBeGreaterThanOrEqual(25);
    for (const { spec, publication } of known) {
      const code = spec.expect.kind === 'trap' ? spec.expect.code : '';
      expect({ label: spec.label, state: publication?.state }).toEqual({ label: spec.label, state: 'held' });
      expect(publication?.problems.map((p) => p.code)).toContain(code);
    }
    const codes = new Set(known.map((o) => (o.spec.expect.kind === 'trap' ? o.spec.expect.code : '')));
    for (const code of [
      'missing_supplier',
      'missing_date',
      'missing_total',
      'missing_category',
      'missing_tax_rate',
      'category_archived',
      'category_wrong_kind',
      'tax_rate_inactive',
      'tax_rate_wrong_direction',
      'tax_greater_than_net',
      'lock_date',
      'period_closed',
      'duplicate_number',
      'currency_not_enabled',
      'plan_no_bills',
      'bank_link_missing',
      'bank_account_unknown',
      'sales_item_missing',
      'payment_type_account',
    ])
      expect(codes).toContain(code);
  });

  it('when an item is clean, then it is published the first time', () => {
    const clean = report.outcomes.filter((o) => o.spec.expect.kind === 'clean');
    expect(clean.length).toBeGreaterThanOrEqual(10);
    for (const { spec, publication } of clean)
      expect({ label: spec.label, state: publication?.state }).toEqual({
        label: spec.label,
        state: 'published',
      });
  });

  it('when an item is published as Paid in Xero, then the document and its payment are both made the first time', () => {
    const paid = report.outcomes.filter(
      (o) => o.spec.expect.kind === 'clean' && o.spec.expect.payment === true,
    );
    expect(paid.length).toBeGreaterThanOrEqual(2);
    for (const { spec, publication } of paid)
      expect({
        label: spec.label,
        state: publication?.state,
        paid: publication?.payment?.id != null,
        note: publication?.note,
      }).toEqual({
        label: spec.label,
        state: 'published',
        paid: true,
        note: null,
      });
    const paidReports = report.perSoftware.find((s) => s.software === 'xero');
    expect(paidReports?.paidSucceeded).toBe(paid.length);
  });

  it('when new destinations are in the corpus, then Spend Money, Xero paid fallbacks, QuickBooks sales and purchases are published', () => {
    const published = (label: string) =>
      report.outcomes.filter((o) => o.spec.label === label && o.publication?.state === 'published');
    expect(published('clean spend money')[0]?.publication?.kind).toBe('spend_money');
    expect(
      published('paid bill without a linked bank account (Awaiting Payment)')[0]?.publication?.note,
    ).toContain('Awaiting Payment');
    expect(published('clean sales invoice (product by income account)')[0]?.publication?.kind).toBe(
      'sales_invoice',
    );
    for (const label of ['clean paid cost (Cash purchase)', 'clean paid cost (Credit card purchase)'])
      expect(published(label)[0]?.publication?.kind).toBe('spend_money');
  });

  it('when a small Xero plan allows 5 approved bills, then 5 are published and the rest held with the plan limit', () => {
    const capped = report.outcomes.filter((o) => o.spec.expect.kind === 'capped');
    expect(capped.length).toBeGreaterThan(0);
    const published = capped.filter((o) => o.publication?.state === 'published').length;
    expect(published).toBe(Math.min(5, capped.length));
    for (const o of capped.filter((c) => c.publication?.state !== 'published'))
      expect(o.publication?.problems.map((p) => p.code)).toEqual(['plan_limit']);
  });

  it('when the ledger changed after the import, then the ledger refuses with a catalogue message or, after a refresh, the pre-check holds it', () => {
    const unknown = report.outcomes.filter((o) => o.spec.expect.kind === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const { publication } of unknown) {
      expect(['failed', 'held']).toContain(publication?.state);
      if (publication?.state === 'failed') expect(publication.errorMessage).toBeTruthy();
    }
    expect(report.perSoftware.flatMap((s) => s.defects)).toEqual([]);
  });
});
