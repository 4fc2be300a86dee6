/** A plain GET form to /search: works without JavaScript. */
export function SearchBox({
  id,
  defaultValue,
  large,
}: {
  id: string;
  defaultValue?: string;
  large?: boolean;
}) {
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className={large ? 'search-box search-box--large' : 'search-box'}
    >
      <label htmlFor={id} className="visually-hidden">
        Search books by title, author, series or ISBN
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Title, author, series or ISBN"
        autoComplete="off"
        maxLength={200}
        required
      />
      <button type="submit">Search</button>
    </form>
  );
}
