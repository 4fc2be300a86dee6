/**
 * A cover placeholder drawn in CSS: the catalog has no cover images yet. It repeats the title
 * beside it, so assistive technology skips it.
 */
export function Cover({ title, size = 'small' }: { title: string; size?: 'small' | 'large' }) {
  return (
    <div className={`cover cover--${size}`} aria-hidden="true">
      <span className="cover__title">{title}</span>
    </div>
  );
}
