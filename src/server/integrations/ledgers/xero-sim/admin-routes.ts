import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { parseTrap } from '../sim-kit/traps';
import { publicView } from './documents';
import type { XeroOrg } from './model';
import { buildOrg, OrgSeed } from './seed';
import { XERO_SPEC_UNAVAILABLE } from './spec';
import { DEFAULT_CLIENT, type XeroSimState } from './state';

const Settings = z.object({
  periodLockDate: z.iso.date().nullable().optional(),
  endOfYearLockDate: z.iso.date().nullable().optional(),
  plan: z.object({ name: z.string(), approvedBillsPerMonth: z.number().int().min(0).nullable() }).optional(),
  rejectDuplicateBillNumbers: z.boolean().optional(),
  currencies: z.array(z.string().length(3)).optional(),
});

const App = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });
const Authorize = z.object({
  clientId: z.string().default(DEFAULT_CLIENT.clientId),
  redirectUri: z.string().min(1),
  scope: z
    .string()
    .default(
      'offline_access accounting.transactions accounting.settings accounting.contacts accounting.attachments',
    ),
  tenantId: z.string().optional(),
});

/**
 * The test-only control panel: seed organisations, set traps, read back what Docket created.
 * Not part of Xero's API; never exposed outside tests and local development.
 */
export function registerXeroAdmin(app: FastifyInstance, state: XeroSimState): void {
  const withOrg = (id: string, reply: FastifyReply, then: (org: XeroOrg) => unknown) => {
    const org = state.orgs.get(id);
    return org ? reply.send(then(org)) : reply.code(404).send({ error: `No organisation ${id}` });
  };
  const bad = (reply: FastifyReply, error: z.ZodError) =>
    reply.code(400).send({ error: z.prettifyError(error) });

  app.get('/_sim/status', () => ({
    vendor: 'xero',
    specAvailable: state.spec !== null,
    ...(state.spec === null ? { specMessage: XERO_SPEC_UNAVAILABLE } : {}),
  }));

  app.post('/_sim/apps', (request, reply) => {
    const parsed = App.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    state.grants.registerApp(parsed.data);
    return reply.code(201).send({ clientId: parsed.data.clientId });
  });

  app.get('/_sim/organisations', () =>
    [...state.orgs.values()].map((o) => ({ tenantId: o.id, name: o.name })),
  );

  app.post('/_sim/organisations', (request, reply) => {
    const parsed = OrgSeed.safeParse(request.body ?? {});
    if (!parsed.success) return bad(reply, parsed.error);
    const org = buildOrg(parsed.data, state.clock());
    state.orgs.set(org.id, org);
    return reply.code(201).send({ tenantId: org.id, name: org.name });
  });

  app.get('/_sim/organisations/:id', (request, reply) =>
    withOrg((request.params as { id: string }).id, reply, (org) => dump(org)),
  );

  app.patch('/_sim/organisations/:id', (request, reply) => {
    const parsed = Settings.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    return withOrg((request.params as { id: string }).id, reply, (org) => {
      const s = parsed.data;
      if (s.periodLockDate !== undefined) org.periodLockDate = s.periodLockDate;
      if (s.endOfYearLockDate !== undefined) org.endOfYearLockDate = s.endOfYearLockDate;
      if (s.plan !== undefined) org.plan = s.plan;
      if (s.rejectDuplicateBillNumbers !== undefined)
        org.rejectDuplicateBillNumbers = s.rejectDuplicateBillNumbers;
      if (s.currencies !== undefined) org.currencies = [...new Set([org.baseCurrency, ...s.currencies])];
      return { ok: true };
    });
  });

  /** "Open in Xero" for the simulator: one invoice or spend-money transaction with its attachments. */
  app.get('/_sim/organisations/:id/documents/:docId', (request, reply) => {
    const { id, docId } = request.params as { id: string; docId: string };
    const org = state.orgs.get(id);
    const doc =
      org?.invoices.find((i) => i.InvoiceID === docId) ??
      org?.bankTransactions.find((t) => t.BankTransactionID === docId);
    if (org === undefined || doc === undefined)
      return reply.code(404).send({ error: `No document ${docId}` });
    const attachments = (org.attachments.get(docId) ?? []).map(({ bytes: _bytes, ...meta }) => meta);
    return reply.send({ document: publicView(doc), attachments });
  });

  app.post('/_sim/organisations/:id/accounts/:code/archive', (request, reply) => {
    const { id, code } = request.params as { id: string; code: string };
    return withOrg(id, reply, (org) => {
      const account = org.accounts.find((a) => a.Code === code);
      if (account) account.Status = 'ARCHIVED';
      return { ok: account !== undefined };
    });
  });

  app.post('/_sim/organisations/:id/contacts/archive', (request, reply) => {
    const name = z.object({ name: z.string() }).safeParse(request.body);
    if (!name.success) return bad(reply, name.error);
    return withOrg((request.params as { id: string }).id, reply, (org) => {
      const contact = org.contacts.find((c) => c.Name === name.data.name);
      if (contact) contact.ContactStatus = 'ARCHIVED';
      return { ok: contact !== undefined };
    });
  });

  app.post('/_sim/tokens/expire', () => {
    state.grants.expireAccessTokens();
    return { ok: true };
  });

  app.post('/_sim/tokens/revoke', (request, reply) => {
    const parsed = z.object({ tenantId: z.string() }).safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    state.grants.revokeTenant(parsed.data.tenantId);
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

  /** Skips the consent page: returns a code as if the user had clicked "Allow access". */
  app.post('/_sim/authorize', (request, reply) => {
    const parsed = Authorize.safeParse(request.body);
    if (!parsed.success) return bad(reply, parsed.error);
    const tenantIds =
      parsed.data.tenantId !== undefined ? [parsed.data.tenantId] : [...state.orgs.keys()].slice(0, 1);
    const code = state.grants.issueCode({ ...parsed.data, tenantIds });
    return { code };
  });
}

function dump(org: XeroOrg) {
  return {
    tenantId: org.id,
    name: org.name,
    baseCurrency: org.baseCurrency,
    currencies: org.currencies,
    periodLockDate: org.periodLockDate,
    endOfYearLockDate: org.endOfYearLockDate,
    plan: org.plan,
    accounts: org.accounts,
    taxRates: org.taxRates,
    contacts: org.contacts,
    trackingCategories: org.trackingCategories,
    invoices: org.invoices.map(publicView),
    bankTransactions: org.bankTransactions.map(publicView),
    payments: org.payments,
    attachments: Object.fromEntries(
      [...org.attachments].map(([docId, list]) => [
        docId,
        list.map(({ bytes, ...meta }) => ({ ...meta, base64: bytes.toString('base64') })),
      ]),
    ),
  };
}
