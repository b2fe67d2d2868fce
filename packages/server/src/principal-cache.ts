import { authenticateApiKey, type KontraRuntime, type Principal } from '@kontra/core';

/**
 * Remembers authenticated API keys for a few seconds, so a busy client does not cost a database
 * round trip per request. A revocation made through this process evicts at once; one made through
 * another instance takes effect here within `ttlMs`.
 */
export class PrincipalCache {
  readonly #entries = new Map<string, { principal: Principal | undefined; expiresAt: number }>();
  readonly #stopListening: () => void;

  constructor(
    private readonly runtime: KontraRuntime,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {
    this.#stopListening = runtime.eventBus.listen((event) => {
      if (event.type === 'apiKey.revoked') this.#entries.clear();
    });
  }

  /** The key's principal, or undefined when the key is not valid. */
  async authenticate(key: string): Promise<Principal | undefined> {
    const now = Date.now();
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > now) return cached.principal;
    const principal = await authenticateApiKey(this.runtime.orm.em.fork(), key);
    // Only valid keys are kept: a flood of bad keys must not evict good ones.
    if (principal) {
      if (this.#entries.size >= this.maxEntries) this.#entries.clear();
      this.#entries.set(key, { principal, expiresAt: now + this.ttlMs });
    }
    return principal;
  }

  close(): void {
    this.#stopListening();
    this.#entries.clear();
  }
}
