import fc from 'fast-check';
import { canonicalEntraId, sameEntraId } from '../../../src/domain/identity/entra-id';

describe('Entra ids (GUIDs) are the same whatever their case', () => {
  it.each([
    ['72F988BF-86F1-41AF-91AB-2D7CD011DB47', '72f988bf-86f1-41af-91ab-2d7cd011db47', true],
    [' 72f988bf-86f1-41af-91ab-2d7cd011db47 ', '72f988bf-86f1-41af-91ab-2d7cd011db47', true],
    ['TENANT-ALLOWED', 'tenant-allowed', true],
    ['72f988bf-86f1-41af-91ab-2d7cd011db47', '72f988bf-86f1-41af-91ab-2d7cd011db48', false],
    ['', '', false],
  ])('%s vs %s: %s', (a, b, same) => {
    expect(sameEntraId(a, b)).toBe(same);
  });

  it('is symmetric, and a GUID matches its upper-case form', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), (a, b) => {
        expect(sameEntraId(a, a.toUpperCase())).toBe(true);
        expect(sameEntraId(a, b)).toBe(sameEntraId(b, a));
        expect(sameEntraId(a, b)).toBe(canonicalEntraId(a) === canonicalEntraId(b));
      }),
    );
  });
});
