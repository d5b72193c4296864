import { afterEach, describe, expect, it } from 'vitest';
import { loadQuickbooksXsd } from '../quickbooks-sim/xsd';
import { XeroSpec } from '../xero-sim/spec';

describe('vendor specs from the shared data folder', () => {
  const saved = process.env['DOCKET_TEST_DATA'];
  afterEach(() => {
    if (saved === undefined) delete process.env['DOCKET_TEST_DATA'];
    else process.env['DOCKET_TEST_DATA'] = saved;
  });

  it('when the shared data folder is absent, then both spec loaders report "unavailable" instead of failing', () => {
    process.env['DOCKET_TEST_DATA'] = '.missing-shared-data-for-this-test';
    expect(XeroSpec.load()).toBeNull();
    expect(loadQuickbooksXsd()).toBeNull();
  });
});
