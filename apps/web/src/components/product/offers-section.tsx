import type { ConditionClass, OfferSummary } from '../../lib/api/catalog';
import type { Loaded } from '../../lib/api/http';
import type { ListingOffer, OfferListing } from '../../lib/api/offers';
import { conditionClassLabel, conditionLabel, formatMoney } from '../../lib/format';
import { Unavailable } from '../unavailable';

const CLASSES: ConditionClass[] = ['new', 'used', 'collectible'];

/**
 * The offers by condition, each group in the service's price order: seller, condition and note,
 * price, handling time. Filter and "more" are plain links, so they work without JavaScript.
 */
export function OffersSection(props: {
  listing: Loaded<OfferListing>;
  summary: OfferSummary;
  condition: ConditionClass | undefined;
  filterHref: (condition: ConditionClass | undefined) => string;
  moreHref: (cursor: string) => string;
  /** The report page for one offer. */
  reportHref: (offerId: string) => string;
}) {
  const { listing, summary, condition } = props;
  // Filters for the conditions on offer, counted as the offer box counts them.
  const classes = CLASSES.filter((cls) => summary.byConditionClass[cls].count > 0 || cls === condition);
  return (
    <section id="offers" className="section" aria-labelledby="offers-heading">
      <h2 id="offers-heading">Offers from sellers</h2>
      {summary.totalOffers === 0 && listing.ok && listing.data.items.length === 0 ? (
        <p>No seller is offering this book right now.</p>
      ) : (
        <OffersBody {...props} classes={classes} />
      )}
    </section>
  );
}

function OffersBody(props: {
  listing: Loaded<OfferListing>;
  summary: OfferSummary;
  condition: ConditionClass | undefined;
  classes: ConditionClass[];
  filterHref: (condition: ConditionClass | undefined) => string;
  moreHref: (cursor: string) => string;
  reportHref: (offerId: string) => string;
}) {
  const { listing, summary, condition, classes, filterHref, moreHref, reportHref } = props;
  return (
    <>
      <ul className="chips" aria-label="Show offers in condition">
        <li>
          <a href={filterHref(undefined)} aria-current={condition === undefined ? 'true' : undefined}>
            All conditions ({summary.totalOffers})
          </a>
        </li>
        {classes.map((cls) => (
          <li key={cls}>
            <a href={filterHref(cls)} aria-current={condition === cls ? 'true' : undefined}>
              {conditionClassLabel(cls)} ({summary.byConditionClass[cls].count})
            </a>
          </li>
        ))}
      </ul>
      {!listing.ok ? (
        <Unavailable what="Sellers' offers" />
      ) : listing.data.items.length === 0 ? (
        <p>No offers in this condition right now.</p>
      ) : (
        <>
          {CLASSES.map((cls) => {
            const offers = listing.data.items.filter((offer) => offer.conditionClass === cls);
            return offers.length > 0 ? (
              <OffersTable key={cls} cls={cls} offers={offers} reportHref={reportHref} />
            ) : null;
          })}
          {listing.data.nextCursor ? (
            <p>
              <a href={moreHref(listing.data.nextCursor)}>More offers</a>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}

function OffersTable({
  cls,
  offers,
  reportHref,
}: {
  cls: ConditionClass;
  offers: ListingOffer[];
  reportHref: (offerId: string) => string;
}) {
  return (
    <table className="offers-table">
      <caption>{conditionClassLabel(cls)} copies</caption>
      <colgroup>
        <col className="offers-table__seller" />
        <col />
        <col className="offers-table__price" />
        <col className="offers-table__shipping" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Seller</th>
          <th scope="col">Condition</th>
          <th scope="col" className="num">
            Price
          </th>
          <th scope="col">Shipping</th>
        </tr>
      </thead>
      <tbody>
        {offers.map((offer) => (
          <tr key={offer.id}>
            <th scope="row">{offer.seller.displayName}</th>
            <td>
              {conditionLabel(offer.condition)}
              {offer.conditionNote ? <span className="note">{offer.conditionNote}</span> : null}
            </td>
            <td className="num price">{formatMoney(offer.price)}</td>
            <td>
              {offer.handlingLabel}
              <a className="report-link" href={reportHref(offer.id)}>
                Report<span className="visually-hidden"> the offer from {offer.seller.displayName}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
