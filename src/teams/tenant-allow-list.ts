import { sameEntraId } from '../domain/identity/entra-id';

/** An empty list allows every tenant; otherwise the tenant must be on it, whatever the case of its GUID. */
export function isTenantAllowed(allowed: readonly string[], tenantId: string): boolean {
  return allowed.length === 0 || allowed.some((id) => sameEntraId(id, tenantId));
}
