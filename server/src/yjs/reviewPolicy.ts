import * as Y from 'yjs';
import {
  LIMITS,
  REVIEWS_KEY,
  REVIEW_FIELDS,
  isEntryKey,
  isReviewReaction,
  newReviewVerdict,
  reviewDeleteVerdict,
  reviewEditVerdict,
  reviewReactionVerdict,
} from '@casusbord/shared';
import {
  currentValue,
  fieldBefore,
  fits,
  isNew,
  removeInserted,
  restoreKey,
  typeOf,
  type RootCheck,
  type SharedType,
} from './writePolicy';

/*
 * The book club's part of the write policy (issue 16; rules in shared/src/domain/bookClub.ts).
 * A review is checked as a whole when it is created, so a review with a bad link or without a
 * verdict never appears, not even without its bad field; after that only its reviewer changes a
 * field, and a field keeps a valid value. A reaction is a value under its writer's own entry.
 */

/** Field values of a review entry as they are now. */
function fieldsOf(entry: SharedType): Map<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const key of entry._map.keys()) {
    const value = currentValue(entry, key);
    if (value !== undefined) fields.set(key, value);
  }
  return fields;
}

export const checkReview: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const { tr, writer } = ctx;
  if (keys.length === 1) {
    const id = keys[0]!;
    const entry = typeOf(item);
    if (!inserted) {
      if (!(entry instanceof Y.Map)) return;
      const refusal = reviewDeleteVerdict(writer, fieldBefore(tr, entry, 'reviewerId'));
      if (refusal) restoreKey(ctx, rootType, id, refusal);
      return;
    }
    if (!(entry instanceof Y.Map) || !isEntryKey(id)) return removeInserted(ctx, item, 'schema');
    if ((rootType as Y.Map<unknown>).size > LIMITS.reviewsPerBoard) return restoreKey(ctx, rootType, id, 'board_full');
    const fields = fieldsOf(entry);
    const refusal = newReviewVerdict(writer, fields);
    if (refusal) return restoreKey(ctx, rootType, id, refusal);
    // The reviewer is whoever the server knows wrote it, whatever the client put there.
    const claimed = fields.get('reviewerId');
    if (claimed !== writer.id) {
      if (claimed !== undefined) ctx.refusals.add('author');
      ctx.fixes.push(() => (entry as Y.Map<unknown>).set('reviewerId', writer.id));
    }
    return;
  }
  const field = keys[1];
  if (keys.length !== 2 || field === null || field === undefined) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  const entry = item.parent as SharedType;
  // The fields of a review created in this update were checked with the review.
  if (isNew(tr, entry._item!)) return;
  const kind = REVIEW_FIELDS[field];
  const now = currentValue(entry, field);
  if (inserted && !fits(kind, now)) return restoreKey(ctx, entry, field, kind ? 'review_invalid' : 'schema');
  if (!kind) return; // removing a key outside the schema is fine
  if (field === 'reviewerId') return restoreKey(ctx, entry, field, 'author');
  if (field === 'createdAt') return restoreKey(ctx, entry, field, 'fixed_field');
  const refusal = reviewEditVerdict(writer, fieldBefore(tr, entry, 'reviewerId'));
  if (refusal) return restoreKey(ctx, entry, field, refusal);
  if (now === undefined && field !== 'author' && field !== 'link') restoreKey(ctx, entry, field, 'review_invalid');
};

/** The reviewer of a review on this board now; null when there is no such review. */
function reviewerOf(type: SharedType, reviewId: string): unknown {
  const reviews = type.doc!.share.get(REVIEWS_KEY);
  const review = reviews ? currentValue(reviews, reviewId) : undefined;
  return review instanceof Y.Map ? (currentValue(review, 'reviewerId') ?? '') : null;
}

export const checkReviewReaction: RootCheck = (ctx, item, inserted, keys, rootType) => {
  const owner = keys[0]!;
  if (keys.length === 1) {
    if (inserted && (!(typeOf(item) instanceof Y.Map) || !isEntryKey(owner))) {
      return removeInserted(ctx, item, 'schema');
    }
    const refusal = reviewReactionVerdict(ctx.writer, owner, undefined);
    if (refusal) restoreKey(ctx, rootType, owner, refusal);
    return;
  }
  const reviewId = keys[1];
  const own = item.parent as SharedType;
  if (keys.length !== 2 || reviewId === null || reviewId === undefined) {
    if (inserted) removeInserted(ctx, item, 'schema');
    return;
  }
  if (inserted && !isReviewReaction(currentValue(own, reviewId))) return removeInserted(ctx, item, 'review_reaction');
  // A reaction goes to a review of this board; taking one's own back is fine whatever became of it.
  const reviewer = reviewerOf(own, reviewId);
  const refusal = reviewReactionVerdict(
    ctx.writer,
    owner,
    inserted ? (reviewer as string | null) : reviewer === null ? undefined : (reviewer as string),
  );
  if (refusal) restoreKey(ctx, own, reviewId, refusal);
};
