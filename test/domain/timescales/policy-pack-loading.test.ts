import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  InvalidFileError,
  PolicyPack,
  SHIPPED_PACKS_DIRECTORY,
  WorkingDayCalendar,
  loadPolicyPack,
  loadShippedPolicyPacks,
  minutesDueDate,
  selectPolicyPack,
} from '../../../src/domain/timescales';
import { bankHolidays, packs, shippedPack } from './shipped-timescales';

const packFile = (id: string) => JSON.parse(fs.readFileSync(path.join(SHIPPED_PACKS_DIRECTORY, `${id}.json`), 'utf8')) as Record<string, any>;

describe('the shipped packs', () => {
  it('are the four authorities, all valid', () => {
    expect([...packs.keys()].sort()).toEqual(['authority-000', 'hertfordshire', 'ics-authority', 'leicestershire']);
  });

  it.each([
    ['hertfordshire', ['001']],
    ['leicestershire', ['003']],
    ['authority-000', ['000']],
    ['ics-authority', ['002', '004']],
  ])('%s names its source procedures %j', (id, procedures) => {
    expect(shippedPack(id).sources.map((s) => s.procedure)).toEqual(procedures);
  });

  // Faithful to the text: every quoted sentence is in the procedure it cites (whitespace aside).
  const quotes = (pack: PolicyPack): Array<[string, string, string]> => {
    const found: Array<[string, string, string]> = [];
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value)) {
        if (key === 'source') {
          const { procedure, quote } = child as { procedure: string; quote: string };
          found.push([`${where}.source`, procedure, quote]);
        } else walk(child, where === '' ? key : `${where}.${key}`);
      }
    };
    walk(pack, '');
    return found;
  };
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const procedureText = (pack: PolicyPack, procedure: string) => {
    const file = pack.sources.find((s) => s.procedure === procedure)!.file;
    return squash(fs.readFileSync(path.join(SHIPPED_PACKS_DIRECTORY, file), 'utf8'));
  };
  const allQuotes = [...packs.values()].flatMap((pack) => quotes(pack).map(([where, procedure, quote]) => [pack.id, where, procedure, quote] as const));

  it.each(allQuotes)('%s %s quotes procedure %s word for word', (id, _where, procedure, quote) => {
    expect(procedureText(shippedPack(id), procedure)).toContain(squash(quote));
  });

  it('quote every rule that has one', () => {
    expect(allQuotes.length).toBeGreaterThan(40);
  });
});

describe('a bad pack is rejected, naming the file, the field and the problem', () => {
  const file = 'packs/leicestershire.json';
  const broken = (change: (pack: Record<string, any>) => void) => {
    const pack = packFile('leicestershire');
    change(pack);
    return () => loadPolicyPack(pack, file);
  };

  it.each([
    ['a missing field', (p: Record<string, any>) => delete p.laterReviews.latest, 'laterReviews.latest: is missing (expected object)'],
    ['a missing rule', (p: Record<string, any>) => delete p.firstReview, 'firstReview: is missing (expected object)'],
    ['a negative interval', (p: Record<string, any>) => (p.laterReviews.latest.amount = -6), 'laterReviews.latest.amount: must be a positive whole number (got -6)'],
    ['a zero interval', (p: Record<string, any>) => (p.minutes[0].within.amount = 0), 'minutes[0].within.amount: must be a positive whole number (got 0)'],
    ['an unknown role', (p: Record<string, any>) => (p.chairs.rules[0].roles[1] = 'QSW'), 'chairs.rules[0].roles[1]: unknown role "QSW" (expected one of'],
    ['an unknown unit', (p: Record<string, any>) => (p.laterReviews.latest.unit = 'fortnights'), 'laterReviews.latest.unit: unknown unit "fortnights"'],
    ['working days for a plan age', (p: Record<string, any>) => (p.driftCheckpoints[1].at.unit = 'workingDays'), 'driftCheckpoints[1].at.unit: unknown unit for a plan age "workingDays"'],
    ['an unknown counting convention', (p: Record<string, any>) => (p.visits.counting = 'inclusive'), 'visits.counting: unknown counting convention "inclusive"'],
    ['a misspelt field', (p: Record<string, any>) => (p.laterReviews.lattest = p.laterReviews.latest), 'laterReviews: unknown field(s) "lattest"'],
    ['an earliest after the latest', (p: Record<string, any>) => (p.laterReviews.earliest = { amount: 7, unit: 'weeks' }), 'laterReviews.earliest: is after latest (6 weeks)'],
    ['a citation of a procedure the pack does not list', (p: Record<string, any>) => (p.trajectory.source.procedure = '001'), "trajectory.source.procedure: cites procedure 001, which is not in the pack's sources (003)"],
    ['two minutes rules for one meeting type', (p: Record<string, any>) => p.minutes[1].appliesTo.push('progress'), 'minutes[1].appliesTo: meeting type "progress" is already covered by minutes[0]'],
    ['a variation skipping a checkpoint that does not exist', (p: Record<string, any>) => (p.variations[0].skipCheckpoints = ['20-weeks']), 'variations[0].skipCheckpoints[0]: no drift checkpoint has the id "20-weeks"'],
    ['a rule without its source sentence', (p: Record<string, any>) => (p.visits.source.quote = ' '), 'visits.source.quote: must not be empty'],
  ])('%s', (_case, change, problem) => {
    const load = broken(change);
    expect(load).toThrow(InvalidFileError);
    expect(load).toThrow(`${file}: ${problem}`);
  });

  it('names every problem at once', () => {
    const load = broken((p) => {
      p.laterReviews.latest.amount = -6;
      p.chairs.rules[0].roles = ['Boss'];
    });
    expect(load).toThrow(/laterReviews\.latest\.amount[\s\S]*chairs\.rules\[0\]\.roles\[0\]/);
  });

  it('a directory with a bad pack stops start-up', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packs-'));
    const pack = packFile('hertfordshire');
    pack.firstReview.latest.amount = -1;
    fs.writeFileSync(path.join(dir, 'hertfordshire.json'), JSON.stringify(pack));
    expect(() => loadShippedPolicyPacks(dir)).toThrow(`${path.join(dir, 'hertfordshire.json')}: firstReview.latest.amount: must be a positive whole number (got -1)`);
  });

  it('two files may not claim one authority', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'packs-'));
    fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(packFile('hertfordshire')));
    fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(packFile('hertfordshire')));
    expect(() => loadShippedPolicyPacks(dir)).toThrow(`${path.join(dir, 'b.json')}: id: "hertfordshire" is already the id of ${path.join(dir, 'a.json')}`);
  });
});

describe('choosing a pack for a case', () => {
  it('uses the case\'s pack, else the configured default', () => {
    expect(selectPolicyPack(packs, 'hertfordshire', 'leicestershire').id).toBe('hertfordshire');
    expect(selectPolicyPack(packs, undefined, 'leicestershire').id).toBe('leicestershire');
  });

  it('never falls back silently to another authority', () => {
    expect(() => selectPolicyPack(packs, 'surrey', 'leicestershire')).toThrow(/no policy pack has the id "surrey" \(the case's pack\)/);
  });

  it('counts working days only on the pack\'s own calendar', () => {
    const scotland = WorkingDayCalendar.fromBankHolidays(bankHolidays, 'scotland');
    expect(() => minutesDueDate(shippedPack('leicestershire'), '2026-12-23', scotland)).toThrow(/england-and-wales, but the calendar given is for scotland/);
  });
});
