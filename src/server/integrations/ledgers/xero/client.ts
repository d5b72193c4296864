import { isRecord } from '../sim-kit/http';
import { rec, recs, str, type Json } from '../sim-kit/fields';
import { basicAuth, ledgerFetch, parseJson, type LedgerRequest, type LedgerResponse } from '../http';
import { LedgerError } from '../ledger-error';
import type {
  AttachedFile,
  FileToAttach,
  LedgerGrant,
  LedgerLists,
  LedgerPort,
  LedgerSession,
  LedgerTokens,
  PaymentToRecord,
  PublishDraft,
  PublishedDocument,
  PublishKind,
  RecordedPayment,
} from '../port';
import { xeroError } from './errors';
import {
  draftBody,
  paymentBody,
  toAccount,
  toContact,
  toOrganisation,
  toPayment,
  toPublished,
  toTaxRate,
  toTracking,
} from './mapping';

/**
 * Docket's Xero client: OAuth 2.0 (authorization code, rotating refresh tokens) and the
 * Accounting API calls publishing needs, over the real Xero HTTP contract. `baseUrl` points
 * every endpoint at one host (the simulator); without it the client talks to Xero itself.
 */

export interface XeroUrls {
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
  readonly connections: string;
  readonly api: string;
}

export const XERO_URLS: XeroUrls = {
  authorize: 'https://login.xero.com/identity/connect/authorize',
  token: 'https://identity.xero.com/connect/token',
  revoke: 'https://identity.xero.com/connect/revocation',
  connections: 'https://api.xero.com/connections',
  api: 'https://api.xero.com/api.xro/2.0',
};

export function xeroUrls(baseUrl?: string): XeroUrls {
  if (baseUrl === undefined) return XERO_URLS;
  const base = baseUrl.replace(/\/$/, '');
  return {
    authorize: `${base}/identity/connect/authorize`,
    token: `${base}/identity/connect/token`,
    revoke: `${base}/identity/connect/revocation`,
    connections: `${base}/connections`,
    api: `${base}/api.xro/2.0`,
  };
}

export interface XeroClientConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly baseUrl?: string;
  readonly scopes?: readonly string[];
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
}

const DEFAULT_SCOPES = [
  'offline_access',
  'accounting.transactions',
  'accounting.settings.read',
  'accounting.contacts',
  'accounting.attachments',
];

const CONTACTS_PAGE_SIZE = 100;

export class XeroClient implements LedgerPort {
  readonly kind = 'xero' as const;
  readonly #config: XeroClientConfig;
  readonly #urls: XeroUrls;
  readonly #clock: () => Date;

  constructor(config: XeroClientConfig) {
    this.#config = config;
    this.#urls = xeroUrls(config.baseUrl);
    this.#clock = config.clock ?? (() => new Date());
  }

  authorizeUrl(input: { state: string; redirectUri: string }): string {
    const url = new URL(this.#urls.authorize);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', this.#config.clientId);
    url.searchParams.set('redirect_uri', input.redirectUri);
    url.searchParams.set('scope', (this.#config.scopes ?? DEFAULT_SCOPES).join(' '));
    url.searchParams.set('state', input.state);
    return url.toString();
  }

  async exchangeCode(input: { code: string; redirectUri: string }): Promise<LedgerGrant> {
    const tokens = await this.#token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
    });
    const response = await this.#send({
      method: 'GET',
      url: this.#urls.connections,
      headers: this.#bearer(tokens.accessToken),
    });
    const connections = parseJson(response.text);
    const tenants = (Array.isArray(connections) ? connections : [])
      .filter(isRecord)
      .filter((c) => c['tenantType'] === 'ORGANISATION')
      .map((c) => ({ id: str(c, 'tenantId') ?? '', name: str(c, 'tenantName') ?? '' }));
    return { tokens, tenants };
  }

  refresh(refreshToken: string): Promise<LedgerTokens> {
    return this.#token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.#send({
      method: 'POST',
      url: this.#urls.revoke,
      headers: { authorization: this.#basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken }).toString(),
    });
  }

  async fetchLists(session: LedgerSession): Promise<LedgerLists> {
    const get = async (path: string, key: string) =>
      recs((await this.#api(session, 'GET', path)) as Json, key);
    // One call at a time: Xero allows 5 concurrent calls per organisation.
    const organisations = await get('/Organisation', 'Organisations');
    const accounts = await get('/Accounts', 'Accounts');
    const taxRates = await get('/TaxRates', 'TaxRates');
    const tracking = await get('/TrackingCategories', 'TrackingCategories');
    const currencies = await get('/Currencies', 'Currencies');
    const contacts: Json[] = [];
    for (let page = 1; ; page += 1) {
      // Archived contacts too: the pre-check holds items naming one (Xero refuses them).
      const batch = await get(`/Contacts?page=${page}&includeArchived=true`, 'Contacts');
      contacts.push(...batch);
      if (batch.length < CONTACTS_PAGE_SIZE) break;
    }
    const organisation = organisations[0];
    if (organisation === undefined) {
      throw new LedgerError('xero', {
        code: 'not_found',
        vendorMessage: 'Xero returned no organisation for this connection',
      });
    }
    const allAccounts = accounts.map(toAccount);
    return {
      organisation: toOrganisation(organisation),
      accounts: allAccounts.filter((a) => a.kind !== 'bank' && a.kind !== 'credit_card'),
      bankAccounts: allAccounts.filter((a) => a.kind === 'bank' || a.kind === 'credit_card'),
      taxRates: taxRates.map(toTaxRate),
      contacts: contacts.map(toContact),
      tracking: tracking.map(toTracking),
      currencies: currencies.map((c) => str(c, 'Code') ?? '').filter((c) => c !== ''),
      products: [],
    };
  }

  async publish(session: LedgerSession, draft: PublishDraft): Promise<PublishedDocument> {
    const { collection, body } = draftBody(draft);
    const answer = await this.#api(
      session,
      'PUT',
      `/${collection}?summarizeErrors=true`,
      JSON.stringify(body),
      {
        'content-type': 'application/json',
        'idempotency-key': draft.idempotencyKey,
      },
    );
    const created = recs(answer as Json, collection)[0];
    if (created === undefined)
      throw new LedgerError('xero', { code: 'validation', vendorMessage: `Xero created no ${collection}` });
    return toPublished(draft.kind, created);
  }

  async recordPayment(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
    payment: PaymentToRecord,
  ): Promise<RecordedPayment> {
    if (document.kind === 'spend_money')
      throw new LedgerError('xero', {
        code: 'validation',
        vendorMessage: 'Spend money transactions are paid already; they take no payment.',
      });
    const answer = await this.#api(
      session,
      'PUT',
      '/Payments?summarizeErrors=true',
      JSON.stringify(paymentBody(document.id, payment)),
      { 'content-type': 'application/json', 'idempotency-key': payment.idempotencyKey },
    );
    const created = recs(answer as Json, 'Payments')[0];
    if (created === undefined)
      throw new LedgerError('xero', { code: 'validation', vendorMessage: 'Xero created no Payment' });
    return toPayment(created, payment.currency);
  }

  async findPayments(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
  ): Promise<RecordedPayment[]> {
    if (document.kind === 'spend_money') return [];
    const where = `Invoice.InvoiceID==guid(${JSON.stringify(document.id)})`;
    const answer = await this.#api(session, 'GET', `/Payments?where=${encodeURIComponent(where)}`);
    return recs(answer as Json, 'Payments')
      .filter((p) => p['Status'] !== 'DELETED')
      .map((p) => toPayment(p, str(p, 'CurrencyCode') ?? str(rec(p, 'Invoice'), 'CurrencyCode') ?? ''));
  }

  async attachFile(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
    file: FileToAttach,
  ): Promise<AttachedFile> {
    const collection = document.kind === 'spend_money' ? 'BankTransactions' : 'Invoices';
    const path = `/${collection}/${encodeURIComponent(document.id)}/Attachments/${encodeURIComponent(file.fileName)}?IncludeOnline=false`;
    const answer = await this.#api(session, 'PUT', path, file.bytes, { 'content-type': file.contentType });
    const attachment = recs(answer as Json, 'Attachments')[0];
    return {
      id: str(attachment, 'AttachmentID') ?? '',
      fileName: str(attachment, 'FileName') ?? file.fileName,
      sizeBytes:
        typeof attachment?.['ContentLength'] === 'number' ? attachment['ContentLength'] : file.bytes.length,
    };
  }

  async findExisting(
    session: LedgerSession,
    query: { kind: PublishKind; documentNumber: string; contactId?: string },
  ): Promise<PublishedDocument | null> {
    const quoted = JSON.stringify(query.documentNumber);
    const contact =
      query.contactId === undefined ? '' : ` AND Contact.ContactID==guid(${JSON.stringify(query.contactId)})`;
    const [collection, where] =
      query.kind === 'spend_money'
        ? ['BankTransactions', `Reference==${quoted}${contact}`]
        : [
            'Invoices',
            `Type==${JSON.stringify(query.kind === 'bill' ? 'ACCPAY' : 'ACCREC')} AND InvoiceNumber==${quoted}${contact}`,
          ];
    const answer = await this.#api(session, 'GET', `/${collection}?where=${encodeURIComponent(where)}`);
    const live = recs(answer as Json, collection).find(
      (d) => d['Status'] !== 'DELETED' && d['Status'] !== 'VOIDED',
    );
    return live === undefined ? null : toPublished(query.kind, live);
  }

  async #token(fields: Record<string, string>): Promise<LedgerTokens> {
    const response = await this.#send({
      method: 'POST',
      url: this.#urls.token,
      headers: { authorization: this.#basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    const body = parseJson(response.text);
    const accessToken = isRecord(body) ? str(body, 'access_token') : undefined;
    const refreshToken = isRecord(body) ? str(body, 'refresh_token') : undefined;
    const expiresIn = isRecord(body) && typeof body['expires_in'] === 'number' ? body['expires_in'] : 1800;
    if (accessToken === undefined || refreshToken === undefined) {
      throw new LedgerError('xero', { code: 'unauthorized', vendorMessage: 'Xero returned no tokens' });
    }
    return { accessToken, refreshToken, expiresAt: new Date(this.#clock().getTime() + expiresIn * 1000) };
  }

  async #api(
    session: LedgerSession,
    method: LedgerRequest['method'],
    path: string,
    body?: string | Uint8Array,
    headers: Record<string, string> = {},
  ): Promise<unknown> {
    const response = await this.#send({
      method,
      url: `${this.#urls.api}${path}`,
      headers: {
        ...this.#bearer(session.accessToken),
        'xero-tenant-id': session.tenantId,
        accept: 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    return parseJson(response.text);
  }

  async #send(request: Omit<LedgerRequest, 'timeoutMs'>): Promise<LedgerResponse> {
    const response = await ledgerFetch('xero', { ...request, timeoutMs: this.#config.timeoutMs ?? 30_000 });
    if (response.status >= 400) throw xeroError(response);
    return response;
  }

  #bearer(accessToken: string): Record<string, string> {
    return { authorization: `Bearer ${accessToken}` };
  }

  #basic(): string {
    return basicAuth(this.#config.clientId, this.#config.clientSecret);
  }
}
