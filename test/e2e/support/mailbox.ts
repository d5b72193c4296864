import { setTimeout as sleep } from 'node:timers/promises';

export interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

const MAIL_WAIT_MS = 20_000;

async function readMailbox(baseUrl: string): Promise<Mail[]> {
  const response = await fetch(`${baseUrl}/api/dev/mailbox`);
  if (!response.ok) throw new Error(`GET /api/dev/mailbox answered ${response.status}`);
  const body = (await response.json()) as { messages: Mail[] };
  return body.messages;
}

/**
 * The newest mail to `to` whose subject matches, from the demo mailbox (mail Docket would have sent
 * without an SMTP relay). Waits for it: mail is written when the request that sends it finishes.
 */
export async function waitForMail(baseUrl: string, to: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const found = (await readMailbox(baseUrl)).find(
      (m) => m.to.toLowerCase() === to.toLowerCase() && subject.test(m.subject),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} with a subject like ${String(subject)}`);
    await sleep(200);
  }
}

/** All mail to `to` right now (no waiting). */
export async function mailTo(baseUrl: string, to: string): Promise<Mail[]> {
  return (await readMailbox(baseUrl)).filter((m) => m.to.toLowerCase() === to.toLowerCase());
}

/** The link in a mail that opens `path` (e.g. '/verify-email'). */
export function linkIn(mail: Mail, path: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname === path);
  if (link === undefined) throw new Error(`The mail "${mail.subject}" has no ${path} link:\n${mail.text}`);
  return link;
}
