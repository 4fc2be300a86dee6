import type { ConditionClass, Money, OfferSummary } from '../../lib/api/catalog';
import { conditionClassLabel, formatLabel, formatMoney } from '../../lib/format';
import type { ProductFormat } from '../../lib/api/catalog';

const CLASSES: ConditionClass[] = ['new', 'used', 'collectible'];

/**
 * The seed page's offer box: the lowest price with its saving against the list price, the best
 * handling time, and the offer counts by condition linking to the offers below. All numbers are
 * the catalog's offer summary as it answered.
 */
export function OfferBox(props: {
  summary: OfferSummary;
  listPrice: Money | undefined;
  format: ProductFormat;
  offersHref: (condition: ConditionClass | undefined) => string;
}) {
  const { summary, listPrice, format, offersHref } = props;
  if (summary.totalOffers === 0 || !summary.lowestPrice) {
    return (
      <aside className="offer-box" aria-labelledby="offer-box-heading">
        <h2 id="offer-box-heading">Used and New from Other Sellers</h2>
        <p>No seller is offering this book right now.</p>
        {listPrice ? <p className="list-price">List price: {formatMoney(listPrice)}</p> : null}
      </aside>
    );
  }
  return (
    <aside className="offer-box" aria-labelledby="offer-box-heading">
      <h2 id="offer-box-heading">Used and New from Other Sellers</h2>
      <p className="price">
        <span className="price__from">from</span> {formatMoney(summary.lowestPrice)}
      </p>
      {summary.savingsPercent ? <p className="save">(Save {summary.savingsPercent}%)</p> : null}
      {listPrice ? (
        <p className="list-price">
          List price: <s>{formatMoney(listPrice)}</s>
        </p>
      ) : null}
      {summary.handlingLabel ? <p className="handling">{summary.handlingLabel}</p> : null}
      <h3 className="offer-box__sellers">Other sellers ({formatLabel(format)})</h3>
      <ul className="offer-classes">
        <li>
          <a href={offersHref(undefined)}>
            All ({summary.totalOffers}) from {formatMoney(summary.lowestPrice)}
          </a>
        </li>
        {CLASSES.map((cls) => {
          const entry = summary.byConditionClass[cls];
          if (entry.count === 0 || !entry.lowestPrice) return null;
          return (
            <li key={cls}>
              <a href={offersHref(cls)}>
                {conditionClassLabel(cls)} ({entry.count}) from {formatMoney(entry.lowestPrice)}
              </a>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
