import { Secret, TOTP } from 'otpauth';

const PERIOD_S = 30;

/**
 * The code an authenticator app would show for `key` (as the page shows it, spaces allowed).
 * Docket accepts each time step once, with one step of clock skew: `stepsAhead: 1` gives a code it
 * accepts right after another code of the current step was used.
 */
export function totpCode(key: string, stepsAhead = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(key.replace(/\s+/g, '')), digits: 6, period: PERIOD_S });
  return totp.generate({ timestamp: Date.now() + stepsAhead * PERIOD_S * 1000 });
}
