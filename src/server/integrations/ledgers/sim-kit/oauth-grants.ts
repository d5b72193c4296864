import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The OAuth 2.0 authorization-code bookkeeping both simulators share: registered apps,
 * one-time codes, access tokens that expire, refresh tokens that rotate (the old one stops
 * working as soon as it is used) and revocation. Vendor-specific wire formats live in each
 * simulator's routes.
 */

export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface Grant {
  readonly grantId: string;
  readonly clientId: string;
  readonly scope: string;
  /** Organisations (Xero tenants, QuickBooks realms) this grant reaches. */
  tenantIds: string[];
  readonly createdAt: Date;
}

export interface TokenPair {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly refreshExpiresIn: number;
  readonly grant: Grant;
}

export type Authentication =
  | { readonly ok: true; readonly grant: Grant }
  | { readonly ok: false; readonly reason: 'invalid' | 'expired'; readonly expiredAt?: Date };

interface Code {
  readonly grant: Grant;
  readonly redirectUri: string;
  readonly expiresAt: number;
}

interface Token {
  readonly grant: Grant;
  expiresAt: number;
}

export interface OAuthGrantsOptions {
  readonly clock: () => Date;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  readonly codeTtlSeconds?: number;
}

export class OAuthGrants {
  readonly #apps = new Map<string, OAuthApp>();
  readonly #codes = new Map<string, Code>();
  readonly #access = new Map<string, Token>();
  readonly #refresh = new Map<string, Token>();
  readonly #opts: OAuthGrantsOptions;

  constructor(opts: OAuthGrantsOptions) {
    this.#opts = opts;
  }

  registerApp(app: OAuthApp): void {
    this.#apps.set(app.clientId, app);
  }

  hasApp(clientId: string): boolean {
    return this.#apps.has(clientId);
  }

  /** True when the pair names a registered app; compares secrets in constant time. */
  checkApp(clientId: string, clientSecret: string): boolean {
    const app = this.#apps.get(clientId);
    if (!app) return false;
    const a = Buffer.from(app.clientSecret);
    const b = Buffer.from(clientSecret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  issueCode(input: { clientId: string; redirectUri: string; scope: string; tenantIds: string[] }): string {
    const code = token(24);
    const grant: Grant = {
      grantId: token(8),
      clientId: input.clientId,
      scope: input.scope,
      tenantIds: [...input.tenantIds],
      createdAt: this.#opts.clock(),
    };
    const ttl = (this.#opts.codeTtlSeconds ?? 300) * 1000;
    this.#codes.set(code, { grant, redirectUri: input.redirectUri, expiresAt: this.#now() + ttl });
    return code;
  }

  /** Trades a code once; a second attempt, another app or another redirect URI is refused. */
  exchangeCode(clientId: string, code: string, redirectUri: string): TokenPair | null {
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    if (!entry || entry.grant.clientId !== clientId || entry.redirectUri !== redirectUri) return null;
    if (entry.expiresAt <= this.#now()) return null;
    return this.#mint(entry.grant);
  }

  /** Rotates: the presented refresh token dies and a new pair is issued. */
  refresh(clientId: string, refreshToken: string): TokenPair | null {
    const entry = this.#refresh.get(refreshToken);
    if (!entry || entry.grant.clientId !== clientId || entry.expiresAt <= this.#now()) return null;
    this.#refresh.delete(refreshToken);
    return this.#mint(entry.grant);
  }

  authenticate(accessToken: string): Authentication {
    const entry = this.#access.get(accessToken);
    if (!entry) return { ok: false, reason: 'invalid' };
    if (entry.expiresAt <= this.#now())
      return { ok: false, reason: 'expired', expiredAt: new Date(entry.expiresAt) };
    return { ok: true, grant: entry.grant };
  }

  /** Revoking either token ends the whole grant, as both vendors do. */
  revoke(anyToken: string): boolean {
    const entry = this.#refresh.get(anyToken) ?? this.#access.get(anyToken);
    if (!entry) return false;
    this.#dropGrant(entry.grant.grantId);
    return true;
  }

  /** Trap: every live access token expires now (refresh tokens keep working). */
  expireAccessTokens(): void {
    const now = this.#now();
    for (const entry of this.#access.values()) entry.expiresAt = Math.min(entry.expiresAt, now);
  }

  /** Trap: every grant for the tenant ends, as when a user disconnects the app in the vendor UI. */
  revokeTenant(tenantId: string): void {
    for (const entry of [...this.#access.values(), ...this.#refresh.values()]) {
      if (entry.grant.tenantIds.includes(tenantId)) this.#dropGrant(entry.grant.grantId);
    }
  }

  #mint(grant: Grant): TokenPair {
    const accessToken = token(32);
    const refreshToken = token(32);
    const now = this.#now();
    this.#access.set(accessToken, { grant, expiresAt: now + this.#opts.accessTtlSeconds * 1000 });
    this.#refresh.set(refreshToken, { grant, expiresAt: now + this.#opts.refreshTtlSeconds * 1000 });
    return {
      accessToken,
      refreshToken,
      expiresIn: this.#opts.accessTtlSeconds,
      refreshExpiresIn: this.#opts.refreshTtlSeconds,
      grant,
    };
  }

  #dropGrant(grantId: string): void {
    for (const map of [this.#access, this.#refresh]) {
      for (const [key, entry] of map) if (entry.grant.grantId === grantId) map.delete(key);
    }
  }

  #now(): number {
    return this.#opts.clock().getTime();
  }
}

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Reads `Authorization: Basic base64(id:secret)`; null when absent or malformed. */
export function parseBasicAuth(header: string | undefined): OAuthApp | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** Reads `Authorization: Bearer <token>`; null when absent. */
export function parseBearer(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1] ?? null;
}
