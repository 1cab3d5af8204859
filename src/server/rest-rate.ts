import { TokenBucket } from './token-bucket';

/** How many clients' buckets are kept; past it the longest-unseen is forgotten (it refills anyway). */
const CLIENTS_KEPT = 1024;

/**
 * The REST interface's rate limit: one token bucket per client address, so a script that floods
 * the server gets `busy` while other clients go on being served. A socket has its own bucket
 * (serve-socket.ts); HTTP has no connection to hang one on, hence the address.
 */
export class RestRateLimit {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
  ) {}

  /** Takes one request's token for `client`; false when it has none left. */
  take(client: string): boolean {
    let bucket = this.buckets.get(client);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst);
      if (this.buckets.size >= CLIENTS_KEPT) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
    } else {
      // Re-inserted: the map's order is then the order clients were last seen.
      this.buckets.delete(client);
    }
    this.buckets.set(client, bucket);
    return bucket.take();
  }
}
