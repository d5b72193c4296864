import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/support/db';
import { lastMailTo, mailCount } from '../../../../test/support/mail';
import type { Database } from '../../db/connect';
import { createMailer } from '../../integrations/mail/mailer';
import { blobStoreFor } from '../../integrations/storage';
import { ManualClock } from '../../lib/clock';
import { createLogger } from '../../lib/logger';
import { startSmtp, type SmtpHandle } from '../../smtp';
import { handleSupportMail } from './support-mail';
import { signUp } from './sign-up';
import { beginTotpSetup, confirmTotpSetup } from './two-factor';
import { SecretBox } from '../../lib/secret-box';
import { Secret, TOTP } from 'otpauth';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let database: Database;
let smtp: SmtpHandle;
const clock = new ManualClock();

beforeAll(async () => {
  database = await createTestDatabase();
  const deps = {
    db: database.db,
    clock,
    mailer: createMailer({ smtpUrl: undefined, from: 'x@y' }),
    baseUrl: 'http://docket.test',
  };
  smtp = await startSmtp({
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('silent'),
    mailDomain: 'in.docket.test',
    db: database.db,
    queue: null,
    storage: blobStoreFor(mkdtempSync(join(tmpdir(), 'docket-support-mail-'))),
    onSupportMail: async (mail) => {
      await handleSupportMail(deps, mail);
    },
  });
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

async function send(from: string, subject: string): Promise<void> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
  });
  await transport.sendMail({
    from,
    to: 'support@in.docket.test',
    subject,
    text: 'I lost my phone and my backup codes. Please turn off 2FA.',
  });
}

describe('support requests by email', () => {
  it('when a login with 2FA emails support, then a confirmation link goes to the login email; mail from an unknown sender leads nowhere', async () => {
    const secrets = new SecretBox('support-mail-test-secret-0123456789abcdef');
    const { loginId } = await signUp(
      database.db,
      clock,
      {
        kind: 'business',
        accountName: 'S',
        name: 'S',
        email: 'locked@out.example',
        password: 'a long password here',
        country: 'GB',
      },
      null,
    );
    const setup = await beginTotpSetup(database.db, secrets, { id: loginId, email: 'locked@out.example' });
    const code = new TOTP({
      secret: Secret.fromBase32(setup.key.replace(/\s/g, '')),
      digits: 6,
      period: 30,
    }).generate({ timestamp: clock.now().getTime() });
    await confirmTotpSetup(
      database.db,
      secrets,
      { id: loginId, email: 'locked@out.example' },
      code,
      clock.now(),
    );

    await send('locked@out.example', 'Locked out of two-factor authentication');
    const mail = await lastMailTo(database.db, 'locked@out.example', 'Confirm your request');
    expect(mail.text).toContain('http://docket.test/support/confirm?token=');
    const rows = await database.executeSql(`select status, channel from support_requests`);
    expect(rows.rows).toEqual([{ status: 'awaiting_confirmation', channel: 'email' }]);

    await send('stranger@elsewhere.example', 'Turn off 2FA for locked@out.example');
    expect(await mailCount(database.db, 'stranger@elsewhere.example')).toBe(0);
    expect((await database.executeSql(`select count(*)::int as n from support_requests`)).rows[0]?.n).toBe(1);
  });
});
