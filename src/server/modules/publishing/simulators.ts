import { buildQuickBooksSimulator, QUICKBOOKS_SIM_CLIENT } from '../../integrations/ledgers/quickbooks-sim';
import { buildXeroSimulator, XERO_SIM_CLIENT } from '../../integrations/ledgers/xero-sim';
import type { LedgerSettings } from './ledgers';

/**
 * Demo mode: the Xero and QuickBooks Online simulators start in-process on their own ports, as
 * sandbox organisations, so a newcomer can connect the demo business to "Xero (simulated)".
 */
export interface RunningSimulators {
  readonly settings: LedgerSettings;
  close(): Promise<void>;
}

export async function startLedgerSimulators(
  base: LedgerSettings,
  host = '127.0.0.1',
  ports: { xero?: number; quickbooks?: number } = {},
): Promise<RunningSimulators> {
  const xero = buildXeroSimulator();
  const quickbooks = buildQuickBooksSimulator();
  const xeroUrl = await xero.app.listen({ port: ports.xero ?? 0, host });
  const quickbooksUrl = await quickbooks.app.listen({ port: ports.quickbooks ?? 0, host });
  return {
    settings: {
      ...base,
      xero: base.xero ?? { ...XERO_SIM_CLIENT, baseUrl: xeroUrl, simulated: true },
      quickbooks: base.quickbooks ?? { ...QUICKBOOKS_SIM_CLIENT, baseUrl: quickbooksUrl, simulated: true },
    },
    async close() {
      await xero.app.close();
      await quickbooks.app.close();
    },
  };
}
