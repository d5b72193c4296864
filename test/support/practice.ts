import type { ZodApp } from '../../src/server/http/deps';
import { Client, signUpClient } from './app';

/** A practice and a business connected to it through the business's "Allow access". */
export async function connectedPair(app: ZodApp, names: { practice?: string; business?: string } = {}) {
  const practice = await signUpClient(app, 'practice', names.practice ?? 'Ledger Partners');
  const business = await signUpClient(app, 'business', names.business ?? 'Corner Shop Ltd');
  const res = await business.client.post(`/api/accounts/${business.accountId}/accountant/invite`, {
    email: practice.email,
  });
  if (res.statusCode !== 200) throw new Error(`connect failed: ${res.statusCode} ${res.body}`);
  return { practice, business };
}

export { Client };
