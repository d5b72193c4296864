import nodemailer, { type Transporter } from 'nodemailer';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connect';
import { outbox } from '../../db/schema';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail: always recorded in the outbox table, and relayed through SMTP when configured. */
export interface Mailer {
  send(db: Db, mail: OutgoingMail, now: Date): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | undefined; from: string }): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(db, mail, now) {
      const [row] = await db
        .insert(outbox)
        .values({ ...mail, createdAt: now })
        .returning({ id: outbox.id });
      if (!transport || !row) return;
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
        await db.update(outbox).set({ sentAt: new Date() }).where(eq(outbox.id, row.id));
      } catch (error) {
        // Kept in the outbox with the reason; the action that sent it has already happened.
        await db
          .update(outbox)
          .set({ error: error instanceof Error ? error.message : String(error) })
          .where(eq(outbox.id, row.id));
      }
    },
  };
}
