import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/db';
import { linkToken } from '../../../../test/support/mail';
import type { Database } from '../../db/connect';
import { ManualClock } from '../../lib/clock';
import { completePasswordReset, requestPasswordReset } from '../../modules/identity/account-security';
import { signUp } from '../../modules/identity';
import { createMailer } from './mailer';

let database: Database;
let server: SMTPServer;
let port = 0;
const received: { to: string; subject: string; text: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        },
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await database.close();
});

describe('outgoing mail through a real SMTP relay', () => {
  it('when a password reset is asked, then the mail arrives over SMTP and its link sets the new password', async () => {
    const clock = new ManualClock();
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'Docket <no-reply@docket.test>',
    });
    const deps = { db: database.db, clock, mailer, baseUrl: 'http://docket.test' };
    await signUp(
      database.db,
      clock,
      {
        kind: 'business',
        accountName: 'Mail Ltd',
        name: 'M',
        email: 'm@mail.example',
        password: 'first long password',
        country: 'GB',
      },
      null,
    );
    await requestPasswordReset(deps, 'm@mail.example', null);
    const mail = received.find((m) => m.to === 'm@mail.example');
    expect(mail?.subject).toBe('Reset your Docket password');
    expect(mail?.text).toContain('http://docket.test/reset-password?token=');
    await completePasswordReset(deps, linkToken(mail?.text ?? ''), 'second long password', null);
    const rows = await database.executeSql(`select sent_at, error from outbox where "to" = 'm@mail.example'`);
    expect(rows.rows[0]?.sent_at).not.toBeNull();
    expect(rows.rows[0]?.error).toBeNull();
  });

  it('when the relay is down, then the mail stays in the outbox with the reason', async () => {
    const clock = new ManualClock();
    const mailer = createMailer({ smtpUrl: 'smtp://127.0.0.1:1', from: 'Docket <no-reply@docket.test>' });
    await mailer.send(database.db, { to: 'down@mail.example', subject: 'S', text: 'T' }, clock.now());
    const rows = await database.executeSql(
      `select sent_at, error from outbox where "to" = 'down@mail.example'`,
    );
    expect(rows.rows[0]?.sent_at).toBeNull();
    expect(String(rows.rows[0]?.error)).toMatch(/ECONNREFUSED|connect/i);
  });
});
