export { signUp, currencyOfCountry, type SignUpInput } from './sign-up';
export { checkCredentials, WRONG_CREDENTIALS } from './sign-in';
export { startSession, readSession, SESSION_COOKIE, SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from './sessions';
export { hashPassword, verifyPassword } from './passwords';
export { listMemberships, findLoginByEmail, recordAudit, listAccountAudit } from './identity.repo';
export { auditRows, describeLogin } from './describe';
export { addSupportAgent } from './support';
export { hashToken } from './tokens';
export type { LoginRow, SessionRow } from './identity.repo';
import type { LoginRow, SessionRow } from './identity.repo';
export interface SessionInfo {
  session: SessionRow;
  login: LoginRow;
}
export { identityRoutes } from './identity.routes';
export { purgeExpiredSessions, purgeSessionsJob } from './purge-sessions';
export { newToken } from './tokens';
export { assertPasswordAcceptable, passwordProblem } from './password-policy';
export { handleSupportMail } from './support-mail';
