import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseTrap } from '../sim-kit/traps';
import { buildCompany, CompanySeed, listOf, type QboCompany } from './seed';
import { DEFAULT_QBO_CLIENT, type QuickBooksSimState } from './state';
import { QBO_XSD_UNAVAILABLE } from './xsd';

const Settings = z.object({
  bookCloseDate: z.iso.date().nullable().optional(),
  plan: z.enum(['SimpleStart', 'Essentials', 'Plus', 'Advanced']).optional(),
  multiCurrencyEnabled: z.boolean().optional(),
  warnDuplicateDocNumber: z.boolean().optional(),
});
const Authorize = z.object({
  clientId: z.string().default(DEFAULT_QBO_CLIENT.clientId),
  redirectUri: z.string().min(1),
  scope: z.string().default('com.intuit.quickbooks.accounting'),
  realmId: z.string().optional(),
});

/** Test-only control panel for the QuickBooks simulator. */
export function registerQuickBooksAdmin(app: FastifyInstance, state: QuickBooksSimState): void {
  const bad = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({ error: z.prettifyError(error) });
  const withCompany = (realmId: string, reply: FastifyReply, then: (c: QboCompany) => unknown) => {
    const company = state.companies.get(realmId);
    return company ? reply.send(then(company)) : reply.code(404).send({ error: `No company ${realmId}` });
  };

  app.get('/_sim/status', () => ({
    vendor: 'quickbooks',
    specAvailable: state.xsd !== null,
    ...(state.xsd === null ? { specMessage: QBO_XSD_UNAVAILABLE } : {}),
  }));

  app.post('/_sim/apps', (request, reply) => {
    const parsed = z
      .object({ clientId: z.string().min(1), clientSecret: z.string().min(1) })
      .safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    state.grants.registerApp(parsed.data);
    return reply.code(201).send({ clientId: parsed.data.clientId });
  });

  app.get('/_sim/companies', () =>
    [...state.companies.values()].map((c) => ({ realmId: c.realmId, name: c.name })),
  );

  app.post('/_sim/companies', (request, reply) => {
    const parsed = CompanySeed.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    const company = buildCompany(parsed.data, state.clock());
    state.companies.set(company.realmId, company);
    return reply.code(201).send({ realmId: company.realmId, name: company.name });
  });

  app.get('/_sim/companies/:realmId', (request, reply) =>
    withCompany((request.params as { realmId: string }).realmId, reply, (c) => ({
      realmId: c.realmId,
      name: c.name,
      homeCurrency: c.homeCurrency,
      multiCurrencyEnabled: c.multiCurrencyEnabled,
      bookCloseDate: c.bookCloseDate,
      plan: c.plan,
      entities: Object.fromEntries(c.entities),
      files: c.files.map((f) => ({
        attachableId: f.attachableId,
        contentType: f.contentType,
        base64: f.bytes.toString('base64'),
      })),
    })),
  );

  /** "Open in QuickBooks" for the simulator: one Bill, Purchase or Invoice with its attachables. */
  app.get('/_sim/companies/:realmId/documents/:entity/:id', (request, reply) => {
    const { realmId, entity, id } = request.params as { realmId: string; entity: string; id: string };
    const company = state.companies.get(realmId);
    const doc = company?.entities.get(entity)?.find((e) => e['Id'] === id);
    if (company === undefined || doc === undefined)
      return reply.code(404).send({ error: `No ${entity} ${id}` });
    const attachables = (company.entities.get('Attachable') ?? []).filter((a) =>
      JSON.stringify(a['AttachableRef'] ?? []).includes(`"value":"${id}"`),
    );
    return reply.send({ document: doc, attachables });
  });

  app.get('/_sim/companies/:realmId/files/:id', (request, reply) => {
    const { realmId, id } = request.params as { realmId: string; id: string };
    const file = state.companies.get(realmId)?.files.find((f) => f.attachableId === id);
    return file ? reply.type(file.contentType).send(file.bytes) : reply.code(404).send();
  });

  app.patch('/_sim/companies/:realmId', (request, reply) => {
    const parsed = Settings.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    return withCompany((request.params as { realmId: string }).realmId, reply, (c) => {
      const s = parsed.data;
      if (s.bookCloseDate !== undefined) c.bookCloseDate = s.bookCloseDate;
      if (s.plan !== undefined) c.plan = s.plan;
      if (s.multiCurrencyEnabled !== undefined) c.multiCurrencyEnabled = s.multiCurrencyEnabled;
      if (s.warnDuplicateDocNumber !== undefined) c.warnDuplicateDocNumber = s.warnDuplicateDocNumber;
      return { ok: true };
    });
  });

  /** Makes a list record inactive, as a user would in QuickBooks (accounts, vendors, classes...). */
  app.post('/_sim/companies/:realmId/deactivate', (request, reply) => {
    const parsed = z.object({ entity: z.string(), id: z.string() }).safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    return withCompany((request.params as { realmId: string }).realmId, reply, (c) => {
      const found = listOf(c, parsed.data.entity).find((r) => r['Id'] === parsed.data.id);
      if (found) found['Active'] = false;
      return { ok: found !== undefined };
    });
  });

  app.post('/_sim/tokens/expire', () => {
    state.grants.expireAccessTokens();
    return { ok: true };
  });
  app.post('/_sim/tokens/revoke', (request, reply) => {
    const parsed = z.object({ realmId: z.string() }).safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    state.grants.revokeTenant(parsed.data.realmId);
    return { ok: true };
  });
  app.post('/_sim/traps', (request, reply) => {
    const trap = parseTrap(request.body);
    if (trap === null)
      return reply.code(400).send({ error: 'Expected {kind:"status",status} or {kind:"timeout"}' });
    state.traps.arm(trap);
    return reply.code(201).send({ ok: true });
  });
  app.post('/_sim/rate-limits/reset', () => {
    state.limiter.reset();
    return { ok: true };
  });
  app.post('/_sim/authorize', (request, reply) => {
    const parsed = Authorize.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    const realmId = parsed.data.realmId ?? [...state.companies.keys()][0] ?? '';
    return { code: state.grants.issueCode({ ...parsed.data, tenantIds: [realmId] }), realmId };
  });
}
