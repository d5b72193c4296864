import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { str, type Json } from '../sim-kit/fields';
import { sendNotFound, sendValidation, type ValidationElement } from './errors';
import { msDate, whereFilter } from './documents';
import type { XeroContact, XeroOrg } from './model';
import type { XeroSimState } from './state';
import { envelope, runWrite, type Planned } from './write-flow';

const CURRENCY_NAMES: Readonly<Record<string, string>> = {
  GBP: 'British Pound',
  EUR: 'Euro',
  USD: 'United States Dollar',
  AUD: 'Australian Dollar',
  NZD: 'New Zealand Dollar',
  CAD: 'Canadian Dollar',
};

/** The lists Docket loads at connect time, plus contact creation. */
export function registerXeroLists(api: FastifyInstance, state: XeroSimState): void {
  const list = (key: string, rows: (org: XeroOrg) => readonly object[]) =>
    api.get(`/${key}`, (request, reply) => {
      const org = state.orgOf(request);
      return filtered(
        reply,
        state,
        key,
        rows(org) as Json[],
        (request.query as Record<string, string | undefined>)['where'],
      );
    });

  api.get('/Organisation', (request, reply) =>
    reply.send(envelope(state, 'Organisations', [organisationView(state.orgOf(request))])),
  );
  list('Accounts', (org) => org.accounts);
  list('TaxRates', (org) => org.taxRates);
  list('TrackingCategories', (org) => org.trackingCategories.filter((c) => c.Status === 'ACTIVE'));
  list('Currencies', (org) =>
    org.currencies.map((Code) => ({ Code, Description: CURRENCY_NAMES[Code] ?? Code })),
  );

  api.get('/Contacts', (request, reply) => {
    const org = state.orgOf(request);
    const query = request.query as Record<string, string | undefined>;
    const rows =
      query['includeArchived'] === 'true'
        ? org.contacts
        : org.contacts.filter((c) => c.ContactStatus === 'ACTIVE');
    return filtered(reply, state, 'Contacts', rows as unknown as Json[], query['where']);
  });
  api.get('/Contacts/:id', (request, reply) => {
    const { id } = request.params as { id: string };
    const found = state.orgOf(request).contacts.find((c) => c.ContactID === id);
    return found ? reply.send(envelope(state, 'Contacts', [found as unknown as Json])) : sendNotFound(reply);
  });
  const plan = (org: XeroOrg, items: Json[]) => planContacts(org, items);
  api.put('/Contacts', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Contacts', key: 'Contacts', plan }),
  );
  api.post('/Contacts', (request, reply) =>
    runWrite(state, request, reply, { schema: 'Contacts', key: 'Contacts', plan }),
  );
}

function filtered(
  reply: FastifyReply,
  state: XeroSimState,
  key: string,
  rows: Json[],
  where: string | undefined,
): FastifyReply {
  try {
    return reply.send(envelope(state, key, rows.filter(whereFilter(where))));
  } catch (error) {
    return sendValidation(reply, [{ element: {}, messages: [(error as Error).message] }]);
  }
}

function organisationView(org: XeroOrg): Json {
  const view: Json = {
    OrganisationID: org.id,
    Name: org.name,
    LegalName: org.name,
    PaysTax: true,
    Version: org.countryCode === 'GB' ? 'UK' : org.countryCode,
    OrganisationType: 'COMPANY',
    BaseCurrency: org.baseCurrency,
    CountryCode: org.countryCode,
    IsDemoCompany: false,
    OrganisationStatus: 'ACTIVE',
    ShortCode: org.shortCode,
    Class: org.plan.name.toUpperCase(),
    Edition: 'BUSINESS',
    Timezone: 'GMTSTANDARDTIME',
  };
  if (org.periodLockDate !== null) view['PeriodLockDate'] = msDate(org.periodLockDate);
  if (org.endOfYearLockDate !== null) view['EndOfYearLockDate'] = msDate(org.endOfYearLockDate);
  return view;
}

function planContacts(org: XeroOrg, items: Json[]): Planned {
  const problems: ValidationElement[] = [];
  const staged: XeroContact[] = [];
  for (const item of items) {
    const id = str(item, 'ContactID');
    const name = str(item, 'Name')?.trim();
    const existing = id === undefined ? undefined : org.contacts.find((c) => c.ContactID === id);
    if (id !== undefined && existing === undefined) {
      problems.push({ element: item, messages: ['The contact could not be found.'] });
      continue;
    }
    if (existing === undefined && (name === undefined || name === '')) {
      problems.push({ element: item, messages: ['The contact name must be specified.'] });
      continue;
    }
    const clash = org.contacts.some(
      (c) =>
        c !== existing &&
        c.ContactStatus === 'ACTIVE' &&
        name !== undefined &&
        c.Name.toLowerCase() === name.toLowerCase(),
    );
    if (clash && name !== undefined) {
      problems.push({
        element: item,
        messages: [
          `The contact name ${name} is already assigned to another contact. The contact name must be unique across all active contacts.`,
        ],
      });
      continue;
    }
    const contact: XeroContact = existing
      ? { ...existing }
      : {
          ContactID: randomUUID(),
          Name: name ?? '',
          ContactStatus: 'ACTIVE',
          IsSupplier: false,
          IsCustomer: false,
        };
    if (name !== undefined) contact.Name = name;
    const email = str(item, 'EmailAddress');
    if (email !== undefined) contact.EmailAddress = email;
    const status = str(item, 'ContactStatus');
    if (status === 'ACTIVE' || status === 'ARCHIVED') contact.ContactStatus = status;
    const currency = str(item, 'DefaultCurrency');
    if (currency !== undefined) contact.DefaultCurrency = currency;
    staged.push(contact);
  }
  return {
    problems,
    commit: () =>
      staged.map((contact) => {
        const index = org.contacts.findIndex((c) => c.ContactID === contact.ContactID);
        if (index >= 0) org.contacts[index] = contact;
        else org.contacts.push(contact);
        return contact as unknown as Json;
      }),
  };
}
