import { Review } from '../domain/review/review';
import { readStoredReview } from '../domain/review/review-schema';

/**
 * Reads stored review documents with their schema, remembering the last few it read: the same
 * document (a review read again before it changed: the press, then its progress update) is checked
 * once. A review is immutable data, so the one read may be handed out again.
 */
export class StoredReviewReader {
  private readonly read = new Map<string, Review>();

  constructor(private readonly capacity = 500) {}

  review(doc: string): Review {
    const known = this.read.get(doc);
    if (known) return known;
    const review = readStoredReview(doc);
    if (this.read.size >= this.capacity) this.read.delete(this.read.keys().next().value as string);
    this.read.set(doc, review);
    return review;
  }
}
