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
import { quickbooksError } from './errors';
import {
  contactIdOf,
  draftBody,
  ENTITY_OF,
  sqlString,
  toAccount,
  toContact,
  toProduct,
  toPublished,
  toTaxRate,
} from './mapping';

/**
 * Docket's QuickBooks Online client: Intuit OAuth 2.0 and the v3 Accounting API over its
 * real HTTP contract. `baseUrl` points every endpoint at one host (the simulator).
 */

export interface QuickBooksUrls {
  readonly authorize: string;
  readonly token: string;
  readonly revoke: string;
  readonly api: string;
}

export const QUICKBOOKS_URLS: QuickBooksUrls = {
  authorize: 'https://appcenter.intuit.com/connect/oauth2',
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
  api: 'https://quickbooks.api.intuit.com',
};

export function quickbooksUrls(baseUrl?: string): QuickBooksUrls {
  if (baseUrl === undefined) return QUICKBOOKS_URLS;
  const base = baseUrl.replace(/\/$/, '');
  return {
    authorize: `${base}/connect/oauth2`,
    token: `${base}/oauth2/v1/tokens/bearer`,
    revoke: `${base}/v2/oauth2/tokens/revoke`,
    api: base,
  };
}

export interface QuickBooksClientConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
  readonly clock?: () => Date;
  /** Intuit's API minor version, sent on every call. */
  readonly minorVersion?: number;
}

const PAGE = 1000;

export class QuickBooksClient implements LedgerPort {
  readonly kind = 'quickbooks' as const;
  readonly #config: QuickBooksClientConfig;
  readonly #urls: QuickBooksUrls;
  readonly #clock: () => Date;

  constructor(config: QuickBooksClientConfig) {
    this.#config = config;
    this.#urls = quickbooksUrls(config.baseUrl);
    this.#clock = config.clock ?? (() => new Date());
  }

  authorizeUrl(input: { state: string; redirectUri: string }): string {
    const url = new URL(this.#urls.authorize);
    url.searchParams.set('client_id', this.#config.clientId);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('scope', 'com.intuit.quickbooks.accounting');
    url.searchParams.set('redirect_uri', input.redirectUri);
    url.searchParams.set('state', input.state);
    return url.toString();
  }

  async exchangeCode(input: { code: string; redirectUri: string; realmId?: string }): Promise<LedgerGrant> {
    if (input.realmId === undefined) {
      throw new LedgerError('quickbooks', {
        code: 'validation',
        vendorMessage: 'The QuickBooks redirect carried no realmId',
      });
    }
    const tokens = await this.#token({
      grant_type: 'authorization_code',
      code: input.code,
      redirect_uri: input.redirectUri,
    });
    const info = rec(
      (await this.#api(
        { accessToken: tokens.accessToken, tenantId: input.realmId },
        'GET',
        '/companyinfo/1',
      )) as Json,
      'CompanyInfo',
    );
    return { tokens, tenants: [{ id: input.realmId, name: str(info, 'CompanyName') ?? '' }] };
  }

  refresh(refreshToken: string): Promise<LedgerTokens> {
    return this.#token({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  async revoke(refreshToken: string): Promise<void> {
    await this.#send({
      method: 'POST',
      url: this.#urls.revoke,
      headers: {
        authorization: this.#basic(),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ token: refreshToken }),
    });
  }

  async fetchLists(session: LedgerSession): Promise<LedgerLists> {
    const info = rec((await this.#api(session, 'GET', '/companyinfo/1')) as Json, 'CompanyInfo');
    const prefs = rec((await this.#api(session, 'GET', '/preferences')) as Json, 'Preferences');
    const currencyPrefs = rec(prefs, 'CurrencyPrefs');
    const home = str(rec(currencyPrefs, 'HomeCurrency'), 'value') ?? 'USD';
    const all = 'where Active in (true, false)';
    const accounts = (await this.#query(session, 'Account', all)).map(toAccount);
    const taxRates = await this.#query(session, 'TaxRate', all);
    const taxCodes = await this.#query(session, 'TaxCode', all);
    const vendors = await this.#query(session, 'Vendor', all);
    const customers = await this.#query(session, 'Customer', all);
    const classes = await this.#query(session, 'Class', all);
    const departments = await this.#query(session, 'Department', all);
    const products = await this.#query(session, 'Item', all);
    const currencies =
      currencyPrefs?.['MultiCurrencyEnabled'] === true
        ? await this.#query(session, 'CompanyCurrency', '')
        : [];
    const options = (rows: Json[]) =>
      rows.map((r) => ({
        id: str(r, 'Id') ?? '',
        name: str(r, 'FullyQualifiedName') ?? str(r, 'Name') ?? '',
        active: r['Active'] !== false,
      }));
    const sku = recs(info, 'NameValue').find((n) => n['Name'] === 'OfferingSku');
    return {
      organisation: {
        id: session.tenantId,
        name: str(info, 'CompanyName') ?? '',
        baseCurrency: home,
        countryCode: str(info, 'Country') ?? null,
        lockDate: str(rec(prefs, 'AccountingInfoPrefs'), 'BookCloseDate') ?? null,
        plan: str(sku, 'Value') ?? null,
      },
      accounts: accounts.filter((a) => a.kind !== 'bank' && a.kind !== 'credit_card'),
      bankAccounts: accounts.filter((a) => a.kind === 'bank' || a.kind === 'credit_card'),
      taxRates: taxCodes.map((code) => toTaxRate(code, taxRates)),
      contacts: [
        ...vendors.map((v) => toContact(v, 'supplier')),
        ...customers.map((c) => toContact(c, 'customer')),
      ],
      tracking: [
        { id: 'class', name: 'Class', kind: 'class', options: options(classes) },
        { id: 'location', name: 'Location', kind: 'location', options: options(departments) },
      ],
      currencies: [
        home,
        ...currencies.map((c) => str(c, 'Code') ?? '').filter((c) => c !== '' && c !== home),
      ],
      // Categories (Category-type items) only group products; lines cannot use them.
      products: products.filter((p) => p['Type'] !== 'Category').map(toProduct),
    };
  }

  async publish(session: LedgerSession, draft: PublishDraft): Promise<PublishedDocument> {
    if (draft.kind === 'sales_invoice' && draft.lines.some((l) => l.itemId === undefined)) {
      throw new LedgerError('quickbooks', {
        code: 'validation',
        vendorMessage: 'QuickBooks sales invoice lines need a product or service (item).',
      });
    }
    const contactId = await this.#contactId(session, draft);
    const entity = ENTITY_OF[draft.kind];
    const answer = await this.#api(
      session,
      'POST',
      `/${entity.toLowerCase()}`,
      JSON.stringify(draftBody(draft, contactId)),
      {
        requestid: draft.idempotencyKey,
      },
    );
    const created = rec(answer as Json, entity);
    if (created === undefined)
      throw new LedgerError('quickbooks', {
        code: 'validation',
        vendorMessage: `QuickBooks created no ${entity}`,
      });
    return toPublished(draft.kind, created);
  }

  /** Paid costs go to QuickBooks as Cash, Check or Credit card purchases, so no payment is recorded. */
  recordPayment(
    _session: LedgerSession,
    _document: Pick<PublishedDocument, 'kind' | 'id'>,
    _payment: PaymentToRecord,
  ): Promise<RecordedPayment> {
    return Promise.reject(
      new LedgerError('quickbooks', {
        code: 'validation',
        vendorMessage: 'Docket publishes paid QuickBooks costs as purchases; it records no separate payment.',
      }),
    );
  }

  findPayments(): Promise<RecordedPayment[]> {
    return Promise.resolve([]);
  }

  async attachFile(
    session: LedgerSession,
    document: Pick<PublishedDocument, 'kind' | 'id'>,
    file: FileToAttach,
  ): Promise<AttachedFile> {
    const metadata = {
      AttachableRef: [
        { EntityRef: { type: ENTITY_OF[document.kind], value: document.id }, IncludeOnSend: false },
      ],
      FileName: file.fileName,
      ContentType: file.contentType,
    };
    const form = new FormData();
    form.append(
      'file_metadata_01',
      new Blob([JSON.stringify(metadata)], { type: 'application/json' }),
      'attachment.json',
    );
    form.append('file_content_01', new Blob([file.bytes], { type: file.contentType }), file.fileName);
    const answer = await this.#api(session, 'POST', '/upload', form);
    const attachable = rec(recs(answer as Json, 'AttachableResponse')[0], 'Attachable');
    return {
      id: str(attachable, 'Id') ?? '',
      fileName: str(attachable, 'FileName') ?? file.fileName,
      sizeBytes: typeof attachable?.['Size'] === 'number' ? attachable['Size'] : file.bytes.length,
    };
  }

  async findExisting(
    session: LedgerSession,
    query: { kind: PublishKind; documentNumber: string; contactId?: string },
  ): Promise<PublishedDocument | null> {
    const entity = ENTITY_OF[query.kind];
    const party =
      query.kind === 'bill' ? 'VendorRef' : query.kind === 'sales_invoice' ? 'CustomerRef' : 'EntityRef';
    const contact =
      query.contactId === undefined ? '' : ` and ${party} = ${sqlString(contactIdOf(query.contactId))}`;
    const rows = await this.#query(
      session,
      entity,
      `where DocNumber = ${sqlString(query.documentNumber)}${contact}`,
    );
    const found = rows[0];
    return found === undefined ? null : toPublished(query.kind, found);
  }

  async #contactId(session: LedgerSession, draft: PublishDraft): Promise<string> {
    if ('id' in draft.contact) return contactIdOf(draft.contact.id);
    const entity = draft.kind === 'sales_invoice' ? 'Customer' : 'Vendor';
    const [existing] = await this.#query(
      session,
      entity,
      `where DisplayName = ${sqlString(draft.contact.name)}`,
    );
    const existingId = str(existing, 'Id');
    if (existingId !== undefined) return existingId;
    const created = await this.#api(
      session,
      'POST',
      `/${entity.toLowerCase()}`,
      JSON.stringify({ DisplayName: draft.contact.name }),
      {
        requestid: `${draft.idempotencyKey}:contact`.slice(0, 50),
      },
    );
    return str(rec(created as Json, entity), 'Id') ?? '';
  }

  async #query(session: LedgerSession, entity: string, where: string): Promise<Json[]> {
    const rows: Json[] = [];
    for (let start = 1; ; start += PAGE) {
      const text = `select * from ${entity} ${where} startposition ${start} maxresults ${PAGE}`.replace(
        /\s+/g,
        ' ',
      );
      const answer = await this.#api(session, 'GET', `/query?query=${encodeURIComponent(text)}`);
      const batch = recs(rec(answer as Json, 'QueryResponse'), entity);
      rows.push(...batch);
      if (batch.length < PAGE) return rows;
    }
  }

  async #token(fields: Record<string, string>): Promise<LedgerTokens> {
    const response = await this.#send({
      method: 'POST',
      url: this.#urls.token,
      headers: {
        authorization: this.#basic(),
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams(fields).toString(),
    });
    const body = parseJson(response.text);
    const accessToken = isRecord(body) ? str(body, 'access_token') : undefined;
    const refreshToken = isRecord(body) ? str(body, 'refresh_token') : undefined;
    const expiresIn = isRecord(body) && typeof body['expires_in'] === 'number' ? body['expires_in'] : 3600;
    if (accessToken === undefined || refreshToken === undefined) {
      throw new LedgerError('quickbooks', {
        code: 'unauthorized',
        vendorMessage: 'QuickBooks returned no tokens',
      });
    }
    return { accessToken, refreshToken, expiresAt: new Date(this.#clock().getTime() + expiresIn * 1000) };
  }

  async #api(
    session: LedgerSession,
    method: LedgerRequest['method'],
    path: string,
    body?: string | FormData,
    params: Record<string, string> = {},
  ): Promise<unknown> {
    const url = new URL(`${this.#urls.api}/v3/company/${encodeURIComponent(session.tenantId)}${path}`);
    url.searchParams.set('minorversion', String(this.#config.minorVersion ?? 75));
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    const response = await this.#send({
      method,
      url: url.toString(),
      headers: {
        authorization: `Bearer ${session.accessToken}`,
        accept: 'application/json',
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(body === undefined ? {} : { body }),
    });
    return parseJson(response.text);
  }

  async #send(request: Omit<LedgerRequest, 'timeoutMs'>): Promise<LedgerResponse> {
    const response = await ledgerFetch('quickbooks', {
      ...request,
      timeoutMs: this.#config.timeoutMs ?? 30_000,
    });
    if (response.status >= 400) throw quickbooksError(response);
    return response;
  }

  #basic(): string {
    return basicAuth(this.#config.clientId, this.#config.clientSecret);
  }
}
