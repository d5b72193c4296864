import { count, eq } from 'drizzle-orm';
import type { Db } from './db/connect';
import { accounts, clientLinks, users } from './db/schema';
import type { Clock } from './lib/clock';
import { findLoginByEmail, signUp } from './modules/identity';

export const DEMO_PASSWORD = 'docket-demo-password';

export const demoLogins = [
  {
    email: 'demo@docket.example',
    name: 'Dana Demo',
    role: 'Practice Admin of Demo & Co Accountants, Admin of Blue Bakery Ltd',
  },
  { email: 'owner@bluebakery.example', name: 'Brian Baker', role: 'Admin of Blue Bakery Ltd' },
  { email: 'staff@docket.example', name: 'Sam Staff', role: 'Standard user of Demo & Co Accountants' },
] as const;

export async function databaseIsEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return (row?.n ?? 0) === 0;
}

/**
 * Demo data a newcomer can sign in with: a practice, a few businesses, and logins that show the
 * account switcher. Safe to run twice: it does nothing when the demo login already exists.
 */
export async function seedDemo(db: Db, clock: Clock): Promise<{ created: boolean }> {
  if (await findLoginByEmail(db, demoLogins[0].email)) return { created: false };
  const practice = await signUp(
    db,
    clock,
    {
      kind: 'practice',
      accountName: 'Demo & Co Accountants',
      name: 'Dana Demo',
      email: demoLogins[0].email,
      password: DEMO_PASSWORD,
      country: 'GB',
    },
    null,
  );
  const bakery = await signUp(
    db,
    clock,
    {
      kind: 'business',
      accountName: 'Blue Bakery Ltd',
      name: 'Brian Baker',
      email: demoLogins[1].email,
      password: DEMO_PASSWORD,
      country: 'GB',
    },
    null,
  );
  const staff = await signUp(
    db,
    clock,
    {
      kind: 'business',
      accountName: 'Sam Staff (personal)',
      name: 'Sam Staff',
      email: demoLogins[2].email,
      password: DEMO_PASSWORD,
      country: 'GB',
    },
    null,
  );
  const clients: { id: string; code: string; payer: 'client' | 'practice' }[] = [
    { id: bakery.accountId, code: 'BLUE01', payer: 'client' },
  ];
  for (const [name, country] of [
    ['Harbour Plumbing', 'GB'],
    ['Northwind Studio', 'IE'],
    ['Kedai Runcit Maju', 'MY'],
  ] as const) {
    const [a] = await db
      .insert(accounts)
      .values({
        kind: 'business',
        name,
        country,
        currency: country === 'MY' ? 'MYR' : country === 'IE' ? 'EUR' : 'GBP',
        createdAt: clock.now(),
      })
      .returning({ id: accounts.id });
    if (!a) continue;
    const [owner] = await db
      .insert(users)
      .values({
        accountId: a.id,
        loginId: null,
        name: `${name} owner`,
        email: `owner@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
        role: 'admin',
        createdAt: clock.now(),
      })
      .returning({ id: users.id });
    if (owner) await db.update(accounts).set({ ownerUserId: owner.id }).where(eq(accounts.id, a.id));
    clients.push({
      id: a.id,
      code:
        name
          .slice(0, 4)
          .toUpperCase()
          .replace(/[^A-Z]/g, 'X') + '01',
      payer: 'practice',
    });
  }
  // The practice serves the businesses: they show in its Clients list.
  for (const c of clients) {
    await db.insert(clientLinks).values({
      businessAccountId: c.id,
      practiceAccountId: practice.accountId,
      status: 'active',
      payer: c.payer,
      practiceCode: c.code,
      createdByPractice: c.payer === 'practice' ? 'yes' : 'no',
      connectedAt: clock.now(),
      createdAt: clock.now(),
    });
  }
  // Dana also works in Blue Bakery's own account (one login, many accounts: the account switcher).
  await db.insert(users).values({
    accountId: bakery.accountId,
    loginId: practice.loginId,
    name: 'Dana Demo',
    email: demoLogins[0].email,
    role: 'admin',
    createdAt: clock.now(),
  });
  // Sam is a Standard colleague in the practice.
  await db.insert(users).values({
    accountId: practice.accountId,
    loginId: staff.loginId,
    name: 'Sam Staff',
    email: demoLogins[2].email,
    role: 'standard',
    createdAt: clock.now(),
  });
  return { created: true };
}
