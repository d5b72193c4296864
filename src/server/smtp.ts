import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { Db } from './db/connect';
import type { BlobStore } from './integrations/storage';
import type { JobQueue } from './jobs/queue';
import type { Logger } from './lib/logger';
import { enqueueSplit, findAddress, receiveEmail } from './modules/capture';

export interface SmtpHandle {
  port: number;
  close(): Promise<void>;
}

export interface SmtpOptions {
  port: number;
  host: string;
  logger: Logger;
  mailDomain: string;
  db: Db;
  queue: JobQueue | null;
  storage: BlobStore;
  /** Largest message accepted (default 30 MB). */
  maxBytes?: number;
  /** Mail to support@<mail domain> (e.g. "locked out of 2FA" requests); absent: the address does not exist. */
  onSupportMail?: (mail: { from: string; subject: string; text: string }) => Promise<void>;
}

export const SUPPORT_LOCAL_PART = 'support';

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

/**
 * The inbound SMTP server (Extract by Email). Unknown recipients are refused during RCPT (550);
 * messages over the size limit are refused (552); every accepted message becomes a submission.
 */
export async function startSmtp(options: SmtpOptions): Promise<SmtpHandle> {
  const maxBytes = options.maxBytes ?? 30 * 1024 * 1024;
  const domain = options.mailDomain.toLowerCase();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: maxBytes,
    banner: 'Docket Extract by Email',
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      const [local = '', host = ''] = address.address.toLowerCase().split('@');
      if (host !== domain) {
        callback(
          smtpError(550, `No such mailbox: ${address.address}. Docket only accepts mail for @${domain}.`),
        );
        return;
      }
      if (local === SUPPORT_LOCAL_PART && options.onSupportMail) {
        callback();
        return;
      }
      findAddress(options.db, local).then(
        (found) => {
          callback(
            found
              ? undefined
              : smtpError(550, `No such mailbox: ${address.address}. Check the address in Docket.`),
          );
        },
        (error: unknown) => {
          options.logger.error({ err: error }, 'smtp recipient lookup failed');
          callback(smtpError(451, 'Temporary problem looking up the mailbox; please try again later.'));
        },
      );
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(
              smtpError(
                552,
                `Message too big: Docket accepts emails up to ${Math.round(maxBytes / 1024 / 1024)} MB. Send fewer or smaller attachments.`,
              ),
            );
            return;
          }
          const deps = {
            db: options.db,
            storage: options.storage,
            start: (s: { id: string }) => enqueueSplit(options.queue, s.id),
          };
          for (const rcpt of session.envelope.rcptTo) {
            if (rcpt.address.toLowerCase().split('@')[0] === SUPPORT_LOCAL_PART && options.onSupportMail) {
              // The envelope sender is only a claim: support acts on a confirmation sent to the login's own address.
              const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
              await options.onSupportMail({ from, subject: mail.subject ?? '', text: mail.text ?? '' });
              continue;
            }
            const address = await findAddress(options.db, rcpt.address.split('@')[0] ?? '');
            if (!address) continue;
            await receiveEmail(deps, address, {
              from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : null),
              subject: mail.subject ?? null,
              html: typeof mail.html === 'string' ? mail.html : null,
              text: mail.text ?? null,
              attachments: mail.attachments.map((a) => ({
                fileName: a.filename,
                bytes: a.content,
                inline: a.contentDisposition === 'inline',
              })),
            });
          }
          callback();
        })
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'smtp message could not be stored');
          callback(smtpError(451, 'The message could not be stored; please try again later.'));
        });
    },
  });
  server.on('error', (err) => options.logger.error({ err }, 'smtp server error'));
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, 'SMTP (Extract by Email) listening');
  return {
    port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
