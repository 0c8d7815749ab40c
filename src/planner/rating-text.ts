/** A rating as a person reads it: `4 Achieved`, marked when the score is provisional (SPEC section 4). */
import { RATING_LABELS } from "../engine/settings";

export function ratingText(
  owner: { rating: number | null; provisional: boolean } | null | undefined
): string | null {
  if (!owner || owner.rating === null) return null;
  const label = `${owner.rating} ${RATING_LABELS[owner.rating - 1]}`;
  return owner.provisional ? `${label} (provisional)` : label;
}
