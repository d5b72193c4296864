import type { SupportDeps } from './support';
import { requestTwoFactorReset } from './support';

const ABOUT_2FA = /\b(2fa|two[- ]?factor|authenticator|backup codes?|two[- ]step|mfa)\b/i;

/**
 * An email to the support address. A request about two-factor authentication starts the same
 * flow as the sign-in page's: a confirmation link to the login's own address, nothing more.
 * Other mail is recorded nowhere yet (support mail beyond 2FA is handled outside Docket).
 */
export async function handleSupportMail(
  deps: SupportDeps,
  mail: { from: string; subject: string; text: string },
): Promise<boolean> {
  if (!mail.from.includes('@') || !ABOUT_2FA.test(`${mail.subject}\n${mail.text}`)) return false;
  await requestTwoFactorReset(deps, {
    email: mail.from.toLowerCase(),
    channel: 'email',
    message: `${mail.subject}\n\n${mail.text}`.trim().slice(0, 2000),
    ip: null,
  });
  return true;
}
