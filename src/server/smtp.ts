import { SMTPServer } from 'smtp-server';
import type { Logger } from './lib/logger';

export interface SmtpHandle {
  port: number;
  close(): Promise<void>;
}

/**
 * The inbound SMTP server (Extract by Email). Until email-in lands it accepts connections and
 * refuses every recipient during the dialogue, so no message is accepted and then lost.
 */
export async function startSmtp(options: {
  port: number;
  host: string;
  logger: Logger;
}): Promise<SmtpHandle> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: 25 * 1024 * 1024,
    banner: 'Docket Extract by Email',
    logger: false,
    onRcptTo(address, _session, callback) {
      const err = new Error(
        `No such mailbox: ${address.address}. Extract by Email addresses are not set up on this server yet.`,
      );
      (err as Error & { responseCode: number }).responseCode = 550;
      callback(err);
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback(new Error('No recipient was accepted.')));
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
