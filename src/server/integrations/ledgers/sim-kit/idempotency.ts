/**
 * Remembers the answer given to an idempotency key, so that a retried request gets the same
 * response and creates nothing new. Keys are scoped by the caller (tenant + route).
 */

export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
}

export class IdempotencyStore {
  readonly #answers = new Map<string, StoredResponse>();

  get(scope: string, key: string): StoredResponse | undefined {
    return this.#answers.get(`${scope}\u0000${key}`);
  }

  remember(scope: string, key: string, response: StoredResponse): void {
    this.#answers.set(`${scope}\u0000${key}`, response);
  }
}
