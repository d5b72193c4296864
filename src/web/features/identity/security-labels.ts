/** Security events in plain words; an action Docket adds later shows as its code. */
const actionLabels: Record<string, string> = {
  'login.signed_in': 'Signed in',
  'login.sign_in_failed': 'Failed sign-in (wrong email or password)',
  'login.password_accepted': 'Password accepted, second step asked',
  'login.2fa_failed': 'Two-factor code not accepted',
  'login.backup_code_used': 'Signed in with a backup code',
  'login.2fa_enabled': 'Two-factor authentication turned on',
  'login.2fa_changed': 'Authenticator app changed',
  'login.2fa_disabled': 'Two-factor authentication turned off',
  'login.backup_codes_regenerated': 'New backup codes created',
  'login.signed_out_everywhere': 'Signed out everywhere',
  'login.password_changed': 'Password changed',
  'login.password_reset_requested': 'Password reset asked for',
  'login.password_reset': 'Password reset from an emailed link',
  'login.email_verified': 'Email address confirmed',
  'login.email_change_requested': 'Login email change asked for',
  'login.email_changed': 'Login email changed',
  'login.merged': 'Logins merged',
  'support.2fa_reset_requested': 'Asked support to turn off two-factor authentication',
  'support.2fa_reset_confirmed': 'Support request confirmed from the email link',
  'support.2fa_disabled': 'Support turned off two-factor authentication',
  'support.2fa_reset_rejected': 'Support declined the request',
  'support.agent_added': 'Made a Docket support agent',
  'invitation.accepted': 'Invitation accepted',
  'account.created': 'Account created',
};

export function describeAction(action: string): string {
  return actionLabels[action] ?? action;
}

/** "Chrome on Linux" from a user agent string, or the string itself when it is unusual. */
export function describeDevice(userAgent: string | null): string {
  if (userAgent === null || userAgent === '') return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Android/.test(userAgent)
          ? 'Android'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser === null) return userAgent.slice(0, 60);
  return system === null ? browser : `${browser} on ${system}`;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
