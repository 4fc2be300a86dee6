/** A star rating drawn as text, with its value in words for screen readers. */
export function Stars({ rating, label }: { rating: number; label?: string }) {
  const full = Math.round(rating);
  return (
    <span className="stars">
      <span aria-hidden="true">
        {'★'.repeat(full)}
        <span className="stars__empty">{'★'.repeat(5 - full)}</span>
      </span>
      <span className="visually-hidden">{label ?? `Rated ${rating} out of 5`}</span>
    </span>
  );
}
