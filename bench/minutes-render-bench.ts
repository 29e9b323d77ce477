import { CardTemplates } from '../src/cards/card-templates';
import { ReviewCards } from '../src/cards/review-cards';
import { renderMinutesPdf } from '../src/documents/minutes-pdf';
import { largeMinutesDocument } from '../src/documents/large-minutes-sample';
import { minutesDocumentOf } from '../src/domain/minutes-delivery';
import { minutesCard } from '../src/minutes-delivery';
import { LARGE_MEETING, largeReview } from '../test/cards/large-review';

export interface MinutesRenderFigures {
  readonly cardMs: number;
  readonly pdfMs: number;
  readonly pages: number;
  /** One record (the largest meeting accepted: 20 attendees, 30 actions) as it is delivered: the professionals' card and PDF. */
  readonly delivered: { readonly cardMs: number; readonly pdfMs: number; readonly pages: number };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The draft-minutes card of the largest meeting the bot accepts, beside a tagged PDF of a meeting that size. */
export async function benchMinutesRender(runs = 20): Promise<MinutesRenderFigures> {
  const cards = new ReviewCards(new CardTemplates(), { packChoices: [{ title: 'Leicestershire County Council', value: 'leicestershire' }], defaultPackId: 'leicestershire' });
  const review = largeReview();
  const document = largeMinutesDocument(20, 30);
  const cardTimes: number[] = [];
  const pdfTimes: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  await renderMinutesPdf(document); // warm-up: fonts read and parsed once
  for (let i = 0; i < runs; i++) {
    let start = process.hrtime.bigint();
    cards.minutes(review, { today: '2026-11-24' });
    cardTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    pdf = await renderMinutesPdf(document);
    pdfTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const pagesOf = (bytes: Buffer) => (bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  // The same record both ways: the minutes of the largest review accepted, as sent to a professional.
  const largest = minutesDocumentOf({ ...largeReview((t) => t, { ...LARGE_MEETING, attendees: 20 }), status: 'signed-off' }, 'professionals');
  const deliveredCard: number[] = [];
  const deliveredPdf: number[] = [];
  let delivered: Buffer = Buffer.alloc(0);
  for (let i = 0; i < runs; i++) {
    let start = process.hrtime.bigint();
    minutesCard(largest);
    deliveredCard.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    delivered = await renderMinutesPdf(largest);
    deliveredPdf.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return {
    cardMs: median(cardTimes),
    pdfMs: median(pdfTimes),
    pages: pagesOf(pdf),
    delivered: { cardMs: median(deliveredCard), pdfMs: median(deliveredPdf), pages: pagesOf(delivered) },
  };
}
