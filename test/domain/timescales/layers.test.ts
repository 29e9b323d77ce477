import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/project/project-root';
import { LEAD_WORKERS as reviewLeadWorkers, CHAIR_ROLES, MEETING_TYPES } from '../../../src/domain/review/review';
import { LEAD_WORKERS, PACK_ROLES, MEETING_TYPES as PACK_MEETING_TYPES, ROLE_NAMES, MEETING_TYPE_NAMES, LEAD_WORKER_NAMES } from '../../../src/domain/timescales/pack-roles';
import { LABELS } from '../../../src/domain/review/review-labels';

const timescales = join(PROJECT_ROOT, 'src', 'domain', 'timescales');
const importsOf = (file: string) => [...readFileSync(join(timescales, file), 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('the domain layers point one way', () => {
  it.each(readdirSync(timescales).filter((f) => f.endsWith('.ts')))('timescales/%s imports nothing of the review', (file) => {
    for (const path of importsOf(file)) expect(path).not.toMatch(/(^|\/)review(\/|$)|\.\.\/cases|\.\.\/\.\.\/cards/);
  });

  it('the review uses the timescales’ words: one LEAD_WORKERS, one list of roles and meeting types', () => {
    expect(reviewLeadWorkers).toBe(LEAD_WORKERS);
    expect(CHAIR_ROLES).toBe(PACK_ROLES);
    expect(MEETING_TYPES).toBe(PACK_MEETING_TYPES);
    expect(LABELS.chairRole).toBe(ROLE_NAMES);
    expect(LABELS.meetingType).toBe(MEETING_TYPE_NAMES);
    expect(LABELS.leadWorker).toBe(LEAD_WORKER_NAMES);
  });

  it('every pack role has a name', () => {
    for (const role of PACK_ROLES) expect(ROLE_NAMES[role]).toMatch(/^[A-Z]/);
  });
});
