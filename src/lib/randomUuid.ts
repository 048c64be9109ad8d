/**
 * A version 4 UUID, for idempotency keys. `crypto.randomUUID` exists only in
 * secure contexts; a school server reached over plain http on the LAN is
 * not one, so the same thing is built from `getRandomValues` there.
 *
 * @example
 * randomUuid(); // e.g. '3b241101-e2bb-4255-8caf-4136c566a962'
 */
export function randomUuid(): string {
  if (typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
