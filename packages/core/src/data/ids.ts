import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * A UUIDv7: time-ordered, so new rows land at the right edge of the primary-key index instead of
 * scattering writes across it as random v4 ids do. Within one process ids are strictly increasing
 * (a 12-bit counter breaks ties within a millisecond), so rows created together keep their order.
 */
export function newId(now = Date.now()): string {
  if (now > lastMillis) {
    lastMillis = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    lastMillis++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMillis, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: string): boolean {
  return UUID_PATTERN.test(value);
}

const MATCHES_NOTHING = '00000000-0000-0000-0000-000000000000';

/**
 * An optional id argument as a filter value: absent is null, and a malformed id becomes an id that
 * matches nothing (rather than failing the uuid cast in SQL).
 */
export function idFilterValue(id: string | null | undefined): string | null {
  if (!id) return null;
  return isId(id) ? id : MATCHES_NOTHING;
}
