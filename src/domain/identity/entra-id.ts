/**
 * Entra (Azure AD) object and tenant ids are GUIDs: the same id may arrive in upper or lower case,
 * so they are compared, and stored, in one canonical form (trimmed, lower case).
 */
export function canonicalEntraId(id: string): string {
  return id.trim().toLowerCase();
}

/** Whether two Entra ids name the same object; an empty id names nothing. */
export function sameEntraId(a: string, b: string): boolean {
  const left = canonicalEntraId(a);
  return left !== '' && left === canonicalEntraId(b);
}
