import { and, asc, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { accounts, auditEvents, logins, sessions, trustedDevices, users } from '../../db/schema';

export type LoginRow = typeof logins.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export async function findLoginByEmail(db: Db, email: string): Promise<LoginRow | undefined> {
  const rows = await db
    .select()
    .from(logins)
    .where(sql`lower(${logins.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function findLoginById(db: Db, id: string): Promise<LoginRow | undefined> {
  const rows = await db.select().from(logins).where(eq(logins.id, id)).limit(1);
  return rows[0];
}

export async function insertSession(
  db: Db,
  row: {
    id: string;
    loginId: string;
    accountId: string | null;
    stage: 'full' | 'mfa' | 'setup_mfa';
    now: Date;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await db.insert(sessions).values({
    id: row.id,
    loginId: row.loginId,
    accountId: row.accountId,
    stage: row.stage,
    createdAt: row.now,
    lastSeenAt: row.now,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    ip: row.ip,
  });
}

/** A live session and its login, or undefined when missing or expired. */
export async function findLiveSession(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; login: LoginRow } | undefined> {
  const rows = await db
    .select({ session: sessions, login: logins })
    .from(sessions)
    .innerJoin(logins, eq(logins.id, sessions.loginId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
}

export async function setSessionAccount(db: Db, id: string, accountId: string): Promise<void> {
  await db.update(sessions).set({ accountId }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Every account the login belongs to through an active user, oldest membership first. */
export async function listMemberships(db: Db, loginId: string) {
  return db
    .select({ id: accounts.id, kind: accounts.kind, name: accounts.name, role: users.role })
    .from(users)
    .innerJoin(accounts, eq(accounts.id, users.accountId))
    .where(and(eq(users.loginId, loginId), eq(users.active, true)))
    .orderBy(asc(users.createdAt), asc(accounts.name));
}

export async function recordAudit(
  db: Db,
  event: {
    accountId?: string | null;
    loginId?: string | null;
    action: string;
    detail?: Record<string, unknown>;
    ip?: string | null;
    at: Date;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    accountId: event.accountId ?? null,
    loginId: event.loginId ?? null,
    action: event.action,
    detail: event.detail ?? {},
    ip: event.ip ?? null,
    at: event.at,
  });
}

/** The login's live sessions (User settings > Security). */
export async function listSessions(db: Db, loginId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(and(eq(sessions.loginId, loginId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Ends one session of the login; another login's session id does nothing. */
export async function endSession(db: Db, loginId: string, sessionId: string): Promise<boolean> {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.loginId, loginId), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  return gone.length > 0;
}

export async function endAllSessions(db: Db, loginId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.loginId, loginId));
}

export async function setSessionStage(
  db: Db,
  sessionId: string,
  stage: 'full' | 'mfa' | 'setup_mfa',
): Promise<void> {
  await db.update(sessions).set({ stage }).where(eq(sessions.id, sessionId));
}

export async function listTrustedDevices(db: Db, loginId: string, now: Date) {
  return db
    .select({
      id: trustedDevices.id,
      label: trustedDevices.label,
      createdAt: trustedDevices.createdAt,
      expiresAt: trustedDevices.expiresAt,
    })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.loginId, loginId), gt(trustedDevices.expiresAt, now)))
    .orderBy(desc(trustedDevices.createdAt));
}

export async function revokeTrustedDevice(db: Db, loginId: string, id: string): Promise<void> {
  await db.delete(trustedDevices).where(and(eq(trustedDevices.loginId, loginId), eq(trustedDevices.id, id)));
}

/** Security events of a login, newest first. */
export async function listLoginAudit(db: Db, loginId: string, limit = 200) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.loginId, loginId))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}

/** Security events of an account and of the logins that work in it, newest first (for its Admins). */
export async function listAccountAudit(db: Db, accountId: string, limit = 200) {
  const members = db.select({ id: users.loginId }).from(users).where(eq(users.accountId, accountId));
  return db
    .select()
    .from(auditEvents)
    .where(or(eq(auditEvents.accountId, accountId), inArray(auditEvents.loginId, members)))
    .orderBy(desc(auditEvents.at))
    .limit(limit);
}
