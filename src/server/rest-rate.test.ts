import { describe, expect, it } from 'vitest';
import { RestRateLimit } from './rest-rate';

describe('the REST rate limit', () => {
  it('refuses a client past its burst while another client is still served', () => {
    const limit = new RestRateLimit(0.001, 2);
    expect([limit.take('10.0.0.1'), limit.take('10.0.0.1'), limit.take('10.0.0.1')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(limit.take('10.0.0.2')).toBe(true);
    expect(limit.take('10.0.0.1')).toBe(false);
  });
});
