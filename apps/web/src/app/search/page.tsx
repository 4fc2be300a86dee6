import type { Metadata } from 'next';
import Link from 'next/link';
import { ProductCard } from '../../components/product-card';
import { Unavailable } from '../../components/unavailable';
import { searchProducts } from '../../lib/api/catalog';
import { FORMAT_OPTIONS } from '../../lib/format';
import {
  catalogQuery,
  parseSearchForm,
  type SearchForm,
  searchPath,
  SORT_OPTIONS,
} from '../../lib/search-query';
import type { SearchParams } from '../../lib/urls';

type Props = { searchParams: Promise<SearchParams> };

const PER_PAGE = 20;

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseSearchForm(await searchParams);
  return { title: q ? `Search results for “${q}”` : 'Browse books', robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const form = parseSearchForm(await searchParams);
  const results = await searchProducts(catalogQuery(form, PER_PAGE));
  const heading = form.q ? `Results for “${form.q}”` : 'All books';
  return (
    <div className="search-layout">
      <Filters form={form} />
      <section aria-labelledby="results-heading">
        <div className="results-header">
          <h1 id="results-heading">{heading}</h1>
          {form.cursor ? (
            <Link href={searchPath({ ...form, cursor: undefined })}>« Back to the first page</Link>
          ) : null}
        </div>
        {!results.ok ? (
          <Unavailable what="Search results" />
        ) : results.data.items.length === 0 ? (
          <EmptyState form={form} />
        ) : (
          <>
            {results.data.items.map((book) => (
              <ProductCard key={book.id} book={book} />
            ))}
            <nav className="pager" aria-label="Result pages">
              {form.cursor ? (
                <Link href={searchPath({ ...form, cursor: undefined })}>« First page</Link>
              ) : (
                <span />
              )}
              {results.data.nextCursor ? (
                <Link href={searchPath({ ...form, cursor: results.data.nextCursor })}>Next page »</Link>
              ) : null}
            </nav>
          </>
        )}
      </section>
    </div>
  );
}

const CONDITION_OPTIONS: readonly (readonly [string, string])[] = [
  ['', 'Any condition'],
  ['new', 'New'],
  ['used', 'Used'],
  ['collectible', 'Collectible'],
];

/** One labelled drop-down of the filters form. */
function SelectField(props: {
  id: string;
  name: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
}) {
  return (
    <fieldset>
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} defaultValue={props.value}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}

function Filters({ form }: { form: SearchForm }) {
  return (
    <form action="/search" method="get" className="filters" aria-label="Refine results">
      <h2 className="visually-hidden">Refine results</h2>
      <fieldset>
        <label htmlFor="filter-q">Keywords</label>
        <input id="filter-q" name="q" type="search" defaultValue={form.q} maxLength={200} />
      </fieldset>
      <SelectField id="filter-sort" name="sort" label="Sort by" value={form.sort} options={SORT_OPTIONS} />
      <SelectField
        id="filter-format"
        name="format"
        label="Format"
        value={form.format ?? ''}
        options={[['', 'Any format'], ...FORMAT_OPTIONS]}
      />
      <SelectField
        id="filter-condition"
        name="condition"
        label="Condition"
        value={form.condition ?? ''}
        options={CONDITION_OPTIONS}
      />
      <fieldset>
        <legend>Price (US$)</legend>
        <div className="price-range">
          <label className="visually-hidden" htmlFor="filter-min-price">
            Lowest price in dollars
          </label>
          <input
            id="filter-min-price"
            name="minPrice"
            inputMode="decimal"
            placeholder="Min"
            defaultValue={form.minPrice}
            pattern="\d{1,7}(\.\d{1,2})?"
          />
          <label className="visually-hidden" htmlFor="filter-max-price">
            Highest price in dollars
          </label>
          <input
            id="filter-max-price"
            name="maxPrice"
            inputMode="decimal"
            placeholder="Max"
            defaultValue={form.maxPrice}
            pattern="\d{1,7}(\.\d{1,2})?"
          />
        </div>
      </fieldset>
      <fieldset>
        <label htmlFor="filter-rating">Customer rating</label>
        <select id="filter-rating" name="minRating" defaultValue={form.minRating ?? ''}>
          <option value="">Any rating</option>
          {['4', '3', '2', '1'].map((stars) => (
            <option key={stars} value={stars}>
              {stars} stars &amp; up
            </option>
          ))}
        </select>
      </fieldset>
      <button type="submit">Apply</button>
    </form>
  );
}

function EmptyState({ form }: { form: SearchForm }) {
  const filtered = Boolean(form.format || form.condition || form.minPrice || form.maxPrice || form.minRating);
  return (
    <div className="empty-state" role="status">
      <h2>No books found</h2>
      <p>
        {form.q ? `Nothing in our catalog matches “${form.q}”` : 'Nothing matches'}
        {filtered ? ' with these filters.' : '.'}
      </p>
      <ul>
        <li>Check the spelling, or try fewer or shorter words (an author&apos;s last name works well).</li>
        <li>Search by ISBN-13 or ISBN-10.</li>
        {filtered ? (
          <li>
            <Link href={searchPath({ q: form.q, sort: form.sort })}>Search again without the filters</Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
