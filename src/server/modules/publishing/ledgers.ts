import { z } from 'zod';
import type { LedgerKind, LedgerPort, PublishKind } from '../../integrations/ledgers/port';
import { QuickBooksClient } from '../../integrations/ledgers/quickbooks/client';
import { XeroClient } from '../../integrations/ledgers/xero/client';

/**
 * Which ledgers Docket can reach and how: client id/secret and base URL per software, read from
 * the environment once. In demo mode the in-process simulators stand in for the vendors.
 */

const Env = z.object({
  DOCKET_XERO_CLIENT_ID: z.string().min(1).optional(),
  DOCKET_XERO_CLIENT_SECRET: z.string().min(1).optional(),
  DOCKET_XERO_BASE_URL: z.url().optional(),
  DOCKET_QUICKBOOKS_CLIENT_ID: z.string().min(1).optional(),
  DOCKET_QUICKBOOKS_CLIENT_SECRET: z.string().min(1).optional(),
  DOCKET_QUICKBOOKS_BASE_URL: z.url().optional(),
  DOCKET_LEDGER_SIMULATORS: z.enum(['auto', 'on', 'off']).default('auto'),
  DOCKET_LEDGER_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
});

export interface LedgerAppConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Unset: the vendor's real hosts. */
  readonly baseUrl?: string;
  /** True when the base URL is an in-repo simulator. */
  readonly simulated: boolean;
}

export interface LedgerSettings {
  readonly xero: LedgerAppConfig | null;
  readonly quickbooks: LedgerAppConfig | null;
  readonly simulators: 'auto' | 'on' | 'off';
  readonly timeoutMs: number;
}

export function ledgerSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): LedgerSettings {
  const e = Env.parse(env);
  const app = (id: string | undefined, secret: string | undefined, baseUrl: string | undefined) =>
    id !== undefined && secret !== undefined
      ? {
          clientId: id,
          clientSecret: secret,
          simulated: false,
          ...(baseUrl === undefined ? {} : { baseUrl }),
        }
      : null;
  return {
    xero: app(e.DOCKET_XERO_CLIENT_ID, e.DOCKET_XERO_CLIENT_SECRET, e.DOCKET_XERO_BASE_URL),
    quickbooks: app(
      e.DOCKET_QUICKBOOKS_CLIENT_ID,
      e.DOCKET_QUICKBOOKS_CLIENT_SECRET,
      e.DOCKET_QUICKBOOKS_BASE_URL,
    ),
    simulators: e.DOCKET_LEDGER_SIMULATORS,
    timeoutMs: e.DOCKET_LEDGER_TIMEOUT_MS,
  };
}

export interface LedgerDirectory {
  /** The client for a software, or null when it is not configured. */
  port(software: LedgerKind): LedgerPort | null;
  label(software: LedgerKind): string;
  /** Where the ledger sends the browser back after consent. */
  redirectUri(software: LedgerKind): string;
  /** "Open in Xero": the record in the ledger's own UI (the simulator's read-back page when simulated). */
  documentUrl(software: LedgerKind, tenantId: string, doc: { kind: PublishKind; id: string }): string;
}

const XERO_PATHS: Record<PublishKind, string> = {
  bill: 'https://go.xero.com/AccountsPayable/View.aspx?InvoiceID=',
  sales_invoice: 'https://go.xero.com/AccountsReceivable/View.aspx?InvoiceID=',
  spend_money: 'https://go.xero.com/Bank/ViewTransaction.aspx?bankTransactionID=',
};
const QBO_PATHS: Record<PublishKind, string> = {
  bill: 'https://app.qbo.intuit.com/app/bill?txnId=',
  sales_invoice: 'https://app.qbo.intuit.com/app/invoice?txnId=',
  spend_money: 'https://app.qbo.intuit.com/app/expense?txnId=',
};
const QBO_ENTITY: Record<PublishKind, string> = {
  bill: 'Bill',
  sales_invoice: 'Invoice',
  spend_money: 'Purchase',
};

export function ledgerDirectory(
  settings: Pick<LedgerSettings, 'xero' | 'quickbooks' | 'timeoutMs'>,
  publicBaseUrl: string,
  clock: () => Date = () => new Date(),
): LedgerDirectory {
  const ports = new Map<LedgerKind, LedgerPort>();
  const configOf = (software: LedgerKind) => (software === 'xero' ? settings.xero : settings.quickbooks);
  return {
    port(software) {
      const config = configOf(software);
      if (config === null) return null;
      let port = ports.get(software);
      if (port === undefined) {
        const common = {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          timeoutMs: settings.timeoutMs,
          clock,
          ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
        };
        port = software === 'xero' ? new XeroClient(common) : new QuickBooksClient(common);
        ports.set(software, port);
      }
      return port;
    },
    label(software) {
      const name = software === 'xero' ? 'Xero' : 'QuickBooks Online';
      return configOf(software)?.simulated === true ? `${name} (simulated)` : name;
    },
    redirectUri(software) {
      return `${publicBaseUrl.replace(/\/$/, '')}/api/connections/${software}/callback`;
    },
    documentUrl(software, tenantId, doc) {
      const config = configOf(software);
      const id = encodeURIComponent(doc.id);
      if (config?.simulated === true && config.baseUrl !== undefined) {
        const base = config.baseUrl.replace(/\/$/, '');
        return software === 'xero'
          ? `${base}/_sim/organisations/${encodeURIComponent(tenantId)}/documents/${id}`
          : `${base}/_sim/companies/${encodeURIComponent(tenantId)}/documents/${QBO_ENTITY[doc.kind]}/${id}`;
      }
      return `${(software === 'xero' ? XERO_PATHS : QBO_PATHS)[doc.kind]}${id}`;
    },
  };
}
