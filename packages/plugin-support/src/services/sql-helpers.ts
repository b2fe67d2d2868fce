import { isId } from '@kontra/core';

/** A case-insensitive LIKE pattern for text containing `words`, with LIKE's wildcards escaped. */
export function likePattern(words: string): string {
  return `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const MATCHES_NOTHING = '00000000-0000-0000-0000-000000000000';

/** An id argument used as a filter value: a malformed id matches nothing instead of failing the cast. */
export function matchesNothingUnlessId(id: string): string {
  return isId(id) ? id : MATCHES_NOTHING;
}
