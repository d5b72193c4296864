import { z } from 'zod';
import { AccountIdParams, Ok } from '../../../shared/contracts/common';
import {
  CaptureSettings,
  CaptureSettingsPatch,
  Category,
  CategoryImport,
  CategoryList,
  CategoryPatch,
  Contact,
  ContactList,
  ContactRules,
  ContactUpdate,
  ImportResult,
  ListIdParams,
  ListSource,
  NewCategory,
  NewContact,
  NewPaymentMethod,
  NewTaxRate,
  PaymentMethod,
  PaymentMethodList,
  PaymentMethodPatch,
  TaxRate,
  TaxRateList,
  TaxRatePatch,
} from '../../../shared/contracts/review';
import type { contacts } from '../../db/schema';
import { requireScope } from '../../http/auth';
import type { AppDeps, ZodApp } from '../../http/deps';
import { assertCan, type Action } from '../access';
import {
  createCategory,
  createContact,
  createPaymentMethod,
  createTaxRate,
  deleteCategory,
  deletePaymentMethod,
  deleteTaxRate,
  getCaptureSettings,
  importCategories,
  listCategories,
  listContacts,
  listPaymentMethods,
  listTaxRates,
  setDuplicateMode,
  updateCategory,
  updateContact,
  updatePaymentMethod,
  updateTaxRate,
} from './lists';
import { connectedLedger, trackingLists } from './ledger-lists';

const tags = ['Lists and rules'];
type ContactRow = typeof contacts.$inferSelect;

const contactOut = (c: ContactRow) => ({
  id: c.id,
  kind: c.kind,
  name: c.name,
  categoryId: c.categoryId,
  taxRateId: c.taxRateId,
  paymentMethodId: c.paymentMethodId,
  description: c.description,
  currency: c.currency,
  paid: c.paid,
  autoPublish: c.autoPublish,
  duplicateMode: c.duplicateMode,
  tracking: c.tracking,
});
const strip = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };

/** Suppliers/customers with rules, categories, tax rates, payment methods, capture settings. */
export function listsRoutes(app: ZodApp, deps: AppDeps): void {
  const db = deps.database.db;
  const scoped = async (request: Parameters<typeof requireScope>[1], accountId: string, action: Action) => {
    const scope = await requireScope(deps, request, accountId);
    assertCan(scope, action);
    return scope;
  };
  const read: Action = 'documents.submit';
  const manage: Action = 'settings.manage';

  app.get(
    '/api/accounts/:accountId/contacts',
    {
      schema: {
        tags,
        summary: 'Suppliers or customers',
        params: AccountIdParams,
        querystring: z.strictObject({ kind: z.enum(['supplier', 'customer']).default('supplier') }),
        response: { 200: ContactList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      return { contacts: (await listContacts(db, scope, request.query.kind)).map(contactOut) };
    },
  );
  app.post(
    '/api/accounts/:accountId/contacts',
    {
      schema: {
        tags,
        summary: 'Add a supplier or customer',
        params: AccountIdParams,
        body: NewContact,
        response: { 201: Contact },
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const { kind, ...rules } = request.body;
      return reply.status(201).send(contactOut(await createContact(db, scope, kind, strip(rules))));
    },
  );
  app.patch(
    '/api/accounts/:accountId/contacts/:id',
    {
      schema: {
        tags,
        summary: 'Change rules (a supplier rule change re-applies to Inbox items)',
        params: ListIdParams,
        body: ContactRules,
        response: { 200: ContactUpdate },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const { contact, reapplied } = await updateContact(
        db,
        scope,
        request.params.id,
        strip(request.body),
        deps.clock,
      );
      return { contact: contactOut(contact), reappliedToItems: reapplied };
    },
  );

  const cat = (c: Awaited<ReturnType<typeof createCategory>>) => ({
    id: c.id,
    name: c.name,
    code: c.code,
    visible: c.visible,
  });
  app.get(
    '/api/accounts/:accountId/categories',
    { schema: { tags, summary: 'Categories', params: AccountIdParams, response: { 200: CategoryList } } },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      return { categories: (await listCategories(db, scope)).map(cat) };
    },
  );
  app.post(
    '/api/accounts/:accountId/categories',
    {
      schema: {
        tags,
        summary: 'Add a category',
        params: AccountIdParams,
        body: NewCategory,
        response: { 201: Category },
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId, manage);
      return reply.status(201).send(cat(await createCategory(db, scope, request.body)));
    },
  );
  app.patch(
    '/api/accounts/:accountId/categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, recode or hide a category',
        params: ListIdParams,
        body: CategoryPatch,
        response: { 200: Category },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      return cat(await updateCategory(db, scope, request.params.id, request.body));
    },
  );
  app.delete(
    '/api/accounts/:accountId/categories/:id',
    {
      schema: {
        tags,
        summary: 'Delete a category (refused while accounting software is connected)',
        params: ListIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      await deleteCategory(db, scope, request.params.id, deps.clock);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/accounts/:accountId/categories/import',
    {
      schema: {
        tags,
        summary: 'Import categories from CSV (name, code)',
        params: AccountIdParams,
        body: CategoryImport,
        response: { 200: ImportResult },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      return importCategories(db, scope, request.body.csv);
    },
  );

  app.get(
    '/api/accounts/:accountId/tax-rates',
    {
      schema: {
        tags,
        summary: 'Tax rates (Costs and Sales)',
        params: AccountIdParams,
        response: { 200: TaxRateList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      return {
        taxRates: (await listTaxRates(db, scope)).map((t) => ({
          id: t.id,
          workspace: t.workspace,
          name: t.name,
          code: t.code,
          rate: t.rate,
        })),
      };
    },
  );
  app.post(
    '/api/accounts/:accountId/tax-rates',
    {
      schema: {
        tags,
        summary: 'Add a tax rate',
        params: AccountIdParams,
        body: NewTaxRate,
        response: { 201: TaxRate },
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const t = await createTaxRate(db, scope, request.body);
      return reply
        .status(201)
        .send({ id: t.id, workspace: t.workspace, name: t.name, code: t.code, rate: t.rate });
    },
  );

  app.patch(
    '/api/accounts/:accountId/tax-rates/:id',
    {
      schema: {
        tags,
        summary: 'Rename or change a tax rate (refused while accounting software is connected)',
        params: ListIdParams,
        body: TaxRatePatch,
        response: { 200: TaxRate },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const t = await updateTaxRate(db, scope, request.params.id, request.body);
      return { id: t.id, workspace: t.workspace, name: t.name, code: t.code, rate: t.rate };
    },
  );
  app.delete(
    '/api/accounts/:accountId/tax-rates/:id',
    {
      schema: {
        tags,
        summary: 'Delete a tax rate (refused while accounting software is connected)',
        params: ListIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      await deleteTaxRate(db, scope, request.params.id, deps.clock);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/:accountId/payment-methods',
    {
      schema: {
        tags,
        summary: 'Payment methods',
        params: AccountIdParams,
        response: { 200: PaymentMethodList },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      return {
        paymentMethods: (await listPaymentMethods(db, scope)).map((p) => ({
          id: p.id,
          name: p.name,
          cardLast4: p.cardLast4,
        })),
      };
    },
  );
  app.post(
    '/api/accounts/:accountId/payment-methods',
    {
      schema: {
        tags,
        summary: 'Add a payment method (card last 4 digits optional)',
        params: AccountIdParams,
        body: NewPaymentMethod,
        response: { 201: PaymentMethod },
      },
    },
    async (request, reply) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const p = await createPaymentMethod(db, scope, request.body);
      return reply.status(201).send({ id: p.id, name: p.name, cardLast4: p.cardLast4 });
    },
  );

  app.patch(
    '/api/accounts/:accountId/payment-methods/:id',
    {
      schema: {
        tags,
        summary: 'Rename a payment method or change its card digits',
        params: ListIdParams,
        body: PaymentMethodPatch,
        response: { 200: PaymentMethod },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      const p = await updatePaymentMethod(db, scope, request.params.id, request.body);
      return { id: p.id, name: p.name, cardLast4: p.cardLast4 };
    },
  );
  app.delete(
    '/api/accounts/:accountId/payment-methods/:id',
    {
      schema: {
        tags,
        summary: 'Delete a payment method (cleared from supplier rules and Inbox items)',
        params: ListIdParams,
        response: { 200: Ok },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      await deletePaymentMethod(db, scope, request.params.id, deps.clock);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/accounts/:accountId/list-source',
    {
      schema: {
        tags,
        summary:
          'Where the lists come from (the connected accounting software, read-only) and its tracking lists',
        params: AccountIdParams,
        response: { 200: ListSource },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      const ledger = await connectedLedger(db, scope);
      return { ledger, readOnly: ledger !== null, tracking: await trackingLists(db, scope) };
    },
  );

  app.get(
    '/api/accounts/:accountId/capture-settings',
    {
      schema: {
        tags,
        summary: 'Duplicate mode and extraction limit',
        params: AccountIdParams,
        response: { 200: CaptureSettings },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, read);
      return getCaptureSettings(db, scope);
    },
  );
  app.patch(
    '/api/accounts/:accountId/capture-settings',
    {
      schema: {
        tags,
        summary: 'Set the account duplicate mode',
        params: AccountIdParams,
        body: CaptureSettingsPatch,
        response: { 200: CaptureSettings },
      },
    },
    async (request) => {
      const scope = await scoped(request, request.params.accountId, manage);
      return request.body.duplicateMode
        ? setDuplicateMode(db, scope, request.body.duplicateMode)
        : getCaptureSettings(db, scope);
    },
  );
}
