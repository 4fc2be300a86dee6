import { foldText, prefixesOf, queryTokens, searchTokensFor } from './search-tokens';

describe('search tokens', () => {
  it('folds case and accents', () => {
    expect(foldText('Xué Lìtài ÉCOLE')).toBe('xue litai ecole');
  });

  it('stores every word with its prefixes from two characters up', () => {
    expect(prefixesOf('stalin')).toEqual(['stalin', 'st', 'sta', 'stal', 'stali']);
    expect(prefixesOf('a')).toEqual(['a']);
  });

  it('cuts long words to the longest stored prefix', () => {
    const tokens = prefixesOf('internationalization');
    expect(tokens[0]).toBe('internationaliz');
    expect(Math.max(...tokens.map((t) => t.length))).toBe(15);
  });

  it('indexes the fields and the ISBNs, de-duplicated', () => {
    const tokens = searchTokensFor(['Uncertain Partners', 'Xue Litai', undefined], ['9780804725217']);
    expect(tokens).toEqual(expect.arrayContaining(['uncertain', 'partn', 'xue', 'litai', '9780804725217']));
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('makes a query match the same tokens the product stores', () => {
    const stored = new Set(searchTokensFor(['Uncertain Partners: Stalin, Mao'], ['9780804725217']));
    for (const query of ['uncertain partn', 'STALIN mao', '978-0-8047-2521-7']) {
      expect(queryTokens(query).every((token) => stored.has(token))).toBe(true);
    }
    expect(queryTokens('xué')).toEqual(['xue']);
  });

  it('drops repeated query words', () => {
    expect(queryTokens('war war War')).toEqual(['war']);
  });
});
