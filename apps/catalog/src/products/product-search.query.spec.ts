import { baseFilter, tokensFilter } from './product-search.query';
import type { SearchProductsQuery } from './dto/product.dto';

describe('tokensFilter', () => {
  it('anchors on the longest token with a plain equality and requires the others with $all', () => {
    expect(tokensFilter(['uncertain', 'partn'])).toEqual({
      searchTokens: 'uncertain',
      $and: [{ searchTokens: { $all: ['partn'] } }],
    });
    expect(tokensFilter(['war', 'korean'])).toEqual({
      searchTokens: 'korean',
      $and: [{ searchTokens: { $all: ['war'] } }],
    });
  });

  it('breaks ties between equally long tokens alphabetically, so a query always has one shape', () => {
    expect(tokensFilter(['mao', 'and'])).toEqual(tokensFilter(['and', 'mao']));
    expect(tokensFilter(['mao', 'and'])).toMatchObject({ searchTokens: 'and' });
  });

  it('is a bare equality for one token and matches nothing for none', () => {
    expect(tokensFilter(['goncharov'])).toEqual({ searchTokens: 'goncharov' });
    expect(tokensFilter([])).toEqual({ searchTokens: { $in: [] } });
  });
});

describe('baseFilter', () => {
  const query = (q: Partial<SearchProductsQuery>) =>
    ({ sort: 'relevance', limit: 20, ...q }) as SearchProductsQuery;

  it('folds case and accents in the query and keeps shoppers to visible products', () => {
    expect(baseFilter(query({ q: 'Xué LITAI', format: 'paperback' }), false)).toEqual({
      visibility: 'visible',
      searchTokens: 'litai',
      $and: [{ searchTokens: { $all: ['xue'] } }],
      format: 'paperback',
    });
  });
});
