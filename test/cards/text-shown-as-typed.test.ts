import { CardTemplates } from '../../src/cards/card-templates';
import { ReviewCards } from '../../src/cards/review-cards';
import { largeReview } from './large-review';
import { shown, textOf } from '../support/card-reader';

const cards = new ReviewCards(new CardTemplates(), { packChoices: [{ title: 'Leicestershire County Council', value: 'leicestershire' }], defaultPackId: 'leicestershire' });

/** Every TextBlock text and Fact on a card: what Teams renders as Markdown. */
function renderedTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n === null || typeof n !== 'object') return;
    const e = n as Record<string, unknown>;
    if ((e.type === 'TextBlock' || e.type === 'TextRun') && typeof e.text === 'string') out.push(e.text);
    if (e.type === 'FactSet' && Array.isArray(e.facts)) for (const f of e.facts as Array<{ title: string; value: string }>) out.push(f.title, f.value);
    Object.values(e).forEach(walk);
  };
  walk(card);
  return out;
}

describe('typed text is shown as typed, never as Markdown', () => {
  const typed = '[link](http://x) **bold** _it_ <b>x</b> &amp;\n# heading\n- item\n1. first';
  const review = largeReview((s) => `${s} ${typed}`);
  const minutes = cards.minutes(review, { today: '2026-11-24' });

  it('the minutes show the typed text, with nothing Teams would turn into a link, emphasis, a heading or a list', () => {
    expect(textOf(minutes)).toContain(typed);
    const carrying = renderedTexts(minutes).filter((t) => shown(t).includes(typed));
    expect(carrying.length).toBeGreaterThan(0);
    for (const text of carrying) {
      expect(text).not.toMatch(/(^|[^\\])\[link\]\(/);
      expect(text).not.toMatch(/(^|[^\\])\*\*bold/);
      expect(text).not.toMatch(/(^|\n)#/);
      expect(text).not.toMatch(/(^|\n)- /);
      expect(text).not.toMatch(/(^|\n)1\. /);
    }
  });

  it('inputs keep exactly what was typed (they are not Markdown), and choice values are untouched', () => {
    const card = cards.forChair({ ...review, currentStep: 'mapping' }, { today: '2026-11-24' }) as Record<string, any>;
    const inputs: Array<{ type: string; value?: string; choices?: Array<{ value: string }> }> = [];
    const walk = (n: any): void => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs.push(n);
        Object.values(n).forEach(walk);
      }
    };
    walk(card);
    expect(inputs.some((i) => i.value?.includes(typed))).toBe(true);
    for (const i of inputs) for (const c of i.choices ?? []) expect(c.value).not.toContain('\\');
  });
});
