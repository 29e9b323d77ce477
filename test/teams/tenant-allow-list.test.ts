import { isTenantAllowed } from '../../src/teams/tenant-allow-list';

describe('isTenantAllowed', () => {
  const list = ['aaaaaaaa-0000-4000-8000-00000000000a', 'TENANT-ALLOWED'];
  it.each([
    [[], 'anything', true],
    [[], '', true],
    [list, 'AAAAAAAA-0000-4000-8000-00000000000A', true],
    [list, 'tenant-allowed', true],
    [list, 'Tenant-Allowed', true],
    [list, 'bbbbbbbb-0000-4000-8000-00000000000b', false],
    [list, '', false],
  ])('%j allows %s: %s', (allowed, tenantId, expected) => {
    expect(isTenantAllowed(allowed, tenantId)).toBe(expected);
  });
});
