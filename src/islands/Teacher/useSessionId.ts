/** The session a page is about, from `?id=` (static pages cannot have it in the path). */
import { useState } from 'react';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function useSessionId(): string | undefined {
  const [id] = useState(() => {
    const value = new URLSearchParams(window.location.search).get('id') ?? '';
    return UUID.test(value) ? value : undefined;
  });
  return id;
}
