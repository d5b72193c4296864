import type { LightMyRequestResponse } from 'fastify';
import { buildQuickBooksSimulator, type QuickBooksSimulator, type QuickBooksSimulatorOptions } from './index';
import { DEFAULT_QBO_CLIENT } from './state';

export interface ConnectedQuickBooks {
  readonly sim: QuickBooksSimulator;
  readonly realmId: string;
  readonly accessToken: string;
  readonly clock: { now: Date; advance: (ms: number) => void };
  call: (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<LightMyRequestResponse>;
  admin: (method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown) => Promise<LightMyRequestResponse>;
}

export const qboBasic = `Basic ${Buffer.from(`${DEFAULT_QBO_CLIENT.clientId}:${DEFAULT_QBO_CLIENT.clientSecret}`).toString('base64')}`;

export async function connectQuickBooks(
  opts: Omit<QuickBooksSimulatorOptions, 'clock'> = {},
): Promise<ConnectedQuickBooks> {
  const clock = {
    now: new Date('2024-06-15T10:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const sim = buildQuickBooksSimulator({ ...opts, clock: () => clock.now });
  const redirectUri = 'http://127.0.0.1/callback';
  const { code, realmId } = (
    await sim.app.inject({ method: 'POST', url: '/_sim/authorize', payload: { redirectUri } })
  ).json<{ code: string; realmId: string }>();
  const tokens = (
    await sim.app.inject({
      method: 'POST',
      url: '/oauth2/v1/tokens/bearer',
      headers: { authorization: qboBasic, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }).toString(),
    })
  ).json<{ access_token: string }>();
  return {
    sim,
    realmId,
    clock,
    accessToken: tokens.access_token,
    call: (method, path, body) =>
      sim.app.inject({
        method,
        url: `/v3/company/${realmId}${path}`,
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
    admin: (method, path, body) =>
      sim.app.inject({
        method,
        url: `/_sim/companies/${realmId}${path}`,
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export function qboBill(
  overrides: Record<string, unknown> = {},
  detail: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    VendorRef: { value: '1', name: 'ABC Furniture' },
    TxnDate: '2024-06-10',
    DueDate: '2024-07-10',
    DocNumber: 'AF-1001',
    GlobalTaxCalculation: 'TaxExcluded',
    Line: [
      {
        Amount: 250,
        Description: 'Desk',
        DetailType: 'AccountBasedExpenseLineDetail',
        AccountBasedExpenseLineDetail: { AccountRef: { value: '5' }, TaxCodeRef: { value: '1' }, ...detail },
      },
    ],
    ...overrides,
  };
}

export interface Fault {
  Fault: { Error: { Message: string; Detail: string; code: string; element: string }[]; type: string };
}
