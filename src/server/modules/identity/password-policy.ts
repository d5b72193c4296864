import { dictionary } from '@zxcvbn-ts/language-common';
import { Invalid } from '../../lib/errors';

const common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/**
 * The reason a password is refused, or null: 12 to 128 characters, not one of the ~49,000 most
 * common passwords (the zxcvbn-ts list), not the email or the same character over and over.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 128) return 'must be at most 128 characters';
  const lower = password.toLowerCase();
  if (common.has(lower) || common.has(lower.replace(/[\d!?.]+$/, '')))
    return 'is one of the most common passwords; choose another';
  if (/^(.)\1+$/.test(password)) return 'must not repeat one character';
  if (
    email &&
    lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000') &&
    lower.length - (email.split('@')[0]?.length ?? 0) < 6
  ) {
    return 'must not be based on your email address';
  }
  return null;
}

export function assertPasswordAcceptable(password: string, field: string, email?: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new Invalid(`The password ${problem}.`, { [field]: problem });
}
