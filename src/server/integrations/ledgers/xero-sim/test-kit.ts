import type { LightMyRequestResponse } from 'fastify';
import { buildXeroSimulator, type XeroSimulator, type XeroSimulatorOptions } from './index';
import { DEFAULT_CLIENT } from './state';

/** A connected simulator for tests: one organisation, one access token, a movable clock. */
export interface ConnectedXero {
  readonly sim: XeroSimulator;
  readonly tenantId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly clock: { now: Date; advance: (ms: number) => void };
  call: (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

export const basic = (
  id: string = DEFAULT_CLIENT.clientId,
  secret: string = DEFAULT_CLIENT.clientSecret,
): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export async function connectXero(opts: Omit<XeroSimulatorOptions, 'clock'> = {}): Promise<ConnectedXero> {
  const clock = {
    now: new Date('2024-06-15T10:00:00Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const sim = buildXeroSimulator({ ...opts, clock: () => clock.now });
  const [org] = (await sim.app.inject({ method: 'GET', url: '/_sim/organisations' })).json<
    { tenantId: string }[]
  >();
  if (!org) throw new Error('the simulator has no default organisation');
  const redirectUri = 'http://127.0.0.1/callback';
  const { code } = (
    await sim.app.inject({
      method: 'POST',
      url: '/_sim/authorize',
      payload: { redirectUri, tenantId: org.tenantId },
    })
  ).json<{ code: string }>();
  const tokens = (
    await sim.app.inject({
      method: 'POST',
      url: '/identity/connect/token',
      headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }).toString(),
    })
  ).json<{ access_token: string; refresh_token: string }>();
  return {
    sim,
    clock,
    tenantId: org.tenantId,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    call: (method, url, body, headers = {}) => {
      const json = body !== undefined && !Buffer.isBuffer(body);
      return sim.app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          'xero-tenant-id': org.tenantId,
          accept: 'application/json',
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: json ? JSON.stringify(body) : body }),
      });
    },
  };
}

export function bill(
  overrides: Record<string, unknown> = {},
  line: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    Type: 'ACCPAY',
    Contact: { Name: 'ABC Furniture' },
    Date: '2024-06-10',
    DueDate: '2024-07-10',
    InvoiceNumber: 'AF-1001',
    Status: 'DRAFT',
    LineAmountTypes: 'Exclusive',
    LineItems: [
      { Description: 'Desk', Quantity: 1, UnitAmount: 250, AccountCode: '429', TaxType: 'INPUT2', ...line },
    ],
    ...overrides,
  };
}
