import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRecord, stringField } from '../sim-kit/http';
import { num, rec, recs, str, type Json } from '../sim-kit/fields';
import { QBO_XSD_UNAVAILABLE } from './xsd';
import { validateEntity } from './xsd-validate';
import { qbo, QboFault, sendFault, type QboError } from './fault';
import { parseQuery, runQuery } from './query';
import {
  checkCompanyRules,
  checkDuplicateName,
  checkReferences,
  checkRequired,
  TRANSACTIONS,
  withTotals,
} from './rules';
import { addEntity, listOf, type QboCompany } from './seed';
import type { QuickBooksSimState } from './state';

export const ENTITIES = [
  'Account',
  'TaxCode',
  'TaxRate',
  'Vendor',
  'Customer',
  'Class',
  'Department',
  'Term',
  'PaymentMethod',
  'Item',
  'CompanyCurrency',
  'Bill',
  'Purchase',
  'Invoice',
  'BillPayment',
  'Attachable',
] as const;
const WRITABLE = new Set([
  'Account',
  'Vendor',
  'Customer',
  'Class',
  'Department',
  'Bill',
  'Purchase',
  'Invoice',
  'BillPayment',
  'Attachable',
]);
const LISTS = new Set([
  'Account',
  'TaxCode',
  'TaxRate',
  'Vendor',
  'Customer',
  'Class',
  'Department',
  'Term',
  'PaymentMethod',
  'Item',
  'CompanyCurrency',
]);

const canonical = (segment: string) => ENTITIES.find((e) => e.toLowerCase() === segment.toLowerCase());

/** companyinfo, query, and read/create/update for each entity under /v3/company/{realmId}/. */
export function registerQuickBooksEntities(api: FastifyInstance, state: QuickBooksSimState): void {
  const answer = (reply: FastifyReply, body: Json) =>
    reply.send({ ...body, time: state.clock().toISOString() });

  api.get('/companyinfo/:id', (request, reply) => {
    const company = state.companyOf(request);
    return answer(reply, { CompanyInfo: companyInfo(company) });
  });

  api.get('/preferences', (request, reply) => {
    const company = state.companyOf(request);
    const accounting: Json = { TaxYearMonth: 'April' };
    if (company.bookCloseDate !== null) accounting['BookCloseDate'] = company.bookCloseDate;
    return answer(reply, {
      Preferences: {
        CurrencyPrefs: {
          HomeCurrency: { value: company.homeCurrency },
          MultiCurrencyEnabled: company.multiCurrencyEnabled,
        },
        AccountingInfoPrefs: accounting,
        VendorAndPurchasesPrefs: { BillableExpenseTracking: false },
      },
    });
  });

  const query = (request: FastifyRequest, reply: FastifyReply, text: string | undefined) => {
    const company = state.companyOf(request);
    try {
      const parsed = parseQuery(text ?? '', ENTITIES);
      const filterActive =
        LISTS.has(parsed.entity) && !parsed.where.some((c) => c.path[0]?.toLowerCase() === 'active');
      const rows = listOf(company, parsed.entity).filter((r) => !filterActive || r['Active'] !== false);
      const { rows: found, total } = runQuery(parsed, rows);
      if (parsed.count) return answer(reply, { QueryResponse: { totalCount: total } });
      const body: Json =
        found.length === 0
          ? {}
          : {
              [parsed.entity]: found.map(view),
              startPosition: parsed.startPosition,
              maxResults: found.length,
            };
      return answer(reply, { QueryResponse: body });
    } catch (error) {
      return sendFault(reply, new QboFault([qbo.parse((error as Error).message)]), state.clock());
    }
  };
  api.get('/query', (request, reply) =>
    query(request, reply, (request.query as Record<string, string | undefined>)['query']),
  );
  api.post('/query', (request, reply) =>
    query(request, reply, typeof request.body === 'string' ? request.body : undefined),
  );

  api.get('/:entity/:id', (request, reply) => {
    const { entity: segment, id } = request.params as { entity: string; id: string };
    const entity = canonical(segment);
    const found =
      entity === undefined ? undefined : listOf(state.companyOf(request), entity).find((r) => r['Id'] === id);
    if (entity === undefined || found === undefined) {
      return sendFault(reply, new QboFault([qbo.notFound(entity ?? segment, id)]), state.clock());
    }
    return answer(reply, { [entity]: view(found) });
  });

  api.post('/:entity', (request, reply) => {
    const { entity: segment } = request.params as { entity: string };
    const entity = canonical(segment);
    if (entity === undefined || !WRITABLE.has(entity)) {
      return sendFault(
        reply,
        new QboFault([qbo.unsupported(segment, `Unsupported entity ${segment}`)]),
        state.clock(),
      );
    }
    const company = state.companyOf(request);
    const requestId = (request.query as Record<string, string | undefined>)['requestid'];
    const scope = `${company.realmId} ${entity}`;
    if (requestId !== undefined) {
      const seen = state.idempotency.get(scope, requestId);
      if (seen) return reply.code(seen.status).send(seen.body);
    }
    let status = 200;
    let body: Json;
    try {
      if (state.xsd === null) {
        void reply.header('x-sim-validation', 'unavailable');
        request.log.warn(QBO_XSD_UNAVAILABLE);
      }
      body = {
        [entity]: view(saveEntity(state, company, entity, request.body)),
        time: state.clock().toISOString(),
      };
    } catch (error) {
      if (!(error instanceof QboFault)) throw error;
      status = error.status;
      body = {
        Fault: { Error: error.errors.map((e) => ({ ...e, element: e.element ?? '' })), type: error.type },
        time: state.clock().toISOString(),
      };
    }
    if (requestId !== undefined) state.idempotency.remember(scope, requestId, { status, body });
    return reply.code(status).send(body);
  });
}

/** Validates and stores one entity; throws QboFault with QuickBooks' errors. */
export function saveEntity(
  state: QuickBooksSimState,
  company: QboCompany,
  entity: string,
  input: unknown,
): Json {
  if (!isRecord(input))
    throw new QboFault([qbo.unsupported(entity, 'The request body must be a JSON object')]);
  if (state.xsd !== null) {
    const issues = validateEntity(state.xsd, entity, input);
    if (issues.length > 0) {
      const prefix = `${entity}.`;
      throw new QboFault(
        issues.map((i): QboError => {
          const path = i.path.startsWith(prefix) ? i.path.slice(prefix.length) : i.path;
          return i.kind === 'required' ? qbo.required(path) : qbo.unsupported(path, i.detail);
        }),
      );
    }
  }
  const list = listOf(company, entity);
  const id = stringField(input, 'Id');
  const existing = id === undefined ? undefined : list.find((r) => r['Id'] === id);
  if (id !== undefined && existing === undefined) throw new QboFault([qbo.notFound(entity, id)]);
  if (existing !== undefined && stringField(input, 'SyncToken') !== existing['SyncToken'])
    throw new QboFault([qbo.stale()]);
  const merged: Json =
    existing !== undefined && input['sparse'] === true ? { ...existing, ...input } : { ...input };

  const now = state.clock();
  const errors = [
    ...checkRequired(entity, merged),
    ...checkReferences(company, merged),
    ...(TRANSACTIONS.has(entity)
      ? checkCompanyRules(company, entity, merged, now.toISOString().slice(0, 10), id)
      : []),
    ...checkDuplicateName(company, entity, merged, id),
  ];
  if (errors.length > 0) throw new QboFault(errors);

  const totals = withTotals(company, entity, merged);
  if (TRANSACTIONS.has(entity) && totals['TxnDate'] === undefined)
    totals['TxnDate'] = now.toISOString().slice(0, 10);
  if (existing === undefined) {
    const created = addEntity(
      company,
      entity,
      { Active: LISTS.has(entity) ? true : undefined, ...totals },
      now,
    );
    if (entity === 'BillPayment') applyBillPayment(company, created);
    return created;
  }
  const updated: Json = {
    ...totals,
    Id: existing['Id'],
    SyncToken: String(Number(existing['SyncToken']) + 1),
    MetaData: { ...rec(existing, 'MetaData'), LastUpdatedTime: now.toISOString() },
  };
  list[list.indexOf(existing)] = updated;
  return updated;
}

function applyBillPayment(company: QboCompany, payment: Json): void {
  for (const line of recs(payment, 'Line')) {
    for (const link of recs(line, 'LinkedTxn')) {
      const bill = listOf(company, 'Bill').find((b) => b['Id'] === str(link, 'TxnId'));
      if (bill) bill['Balance'] = Math.max(0, (num(bill, 'Balance') ?? 0) - (num(line, 'Amount') ?? 0));
    }
  }
}

function view(record: Json): Json {
  return Object.fromEntries(
    Object.entries(record).filter(([key, value]) => !key.startsWith('_') && value !== undefined),
  );
}

function companyInfo(company: QboCompany): Json {
  return {
    Id: '1',
    SyncToken: '0',
    CompanyName: company.name,
    LegalName: company.name,
    Country: company.country,
    CompanyStartDate: company.createdAt.toISOString().slice(0, 10),
    SupportedLanguages: 'en',
    NameValue: [
      { Name: 'OfferingSku', Value: `QuickBooks Online ${company.plan}` },
      { Name: 'PayrollFeature', Value: 'false' },
    ],
    domain: 'QBO',
    sparse: false,
    MetaData: { CreateTime: company.createdAt.toISOString() },
  };
}
