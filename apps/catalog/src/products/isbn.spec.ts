import { compactIsbn, isbn10To13, isbn13To10, isValidIsbn10, isValidIsbn13, parseIsbn } from './isbn';

describe('ISBN rules', () => {
  it('accepts the seed book ISBN-13 with a correct check digit', () => {
    expect(isValidIsbn13('9780804725217')).toBe(true);
    expect(parseIsbn('978-0-8047-2521-7')).toEqual({ ok: true, isbn13: '9780804725217' });
  });

  it('refuses an ISBN-13 whose check digit is wrong', () => {
    expect(isValidIsbn13('9780804725218')).toBe(false);
    expect(parseIsbn('9780804725218')).toEqual({ ok: false, rule: 'checksum' });
  });

  it('converts a valid ISBN-10 to its ISBN-13', () => {
    expect(isValidIsbn10('0804725217')).toBe(true);
    expect(isbn10To13('0804725217')).toBe('9780804725217');
    expect(parseIsbn('0-8047-2521-7')).toEqual({ ok: true, isbn13: '9780804725217' });
  });

  it('accepts an ISBN-10 whose check digit is X, in either case', () => {
    expect(parseIsbn('0-8044-2957-x')).toEqual({ ok: true, isbn13: '9780804429573' });
  });

  it('refuses an ISBN-10 whose check digit is wrong', () => {
    expect(parseIsbn('0804725218')).toEqual({ ok: false, rule: 'checksum' });
  });

  it('refuses strings that are neither form', () => {
    for (const input of ['', '12345', '97808047252', 'ABCDEFGHIJ', '1234567890123', '97808047252170']) {
      expect(parseIsbn(input)).toEqual({ ok: false, rule: 'format' });
    }
  });

  it('converts ISBN-13 back to ISBN-10 only for the 978 prefix', () => {
    expect(isbn13To10('9780804725217')).toBe('0804725217');
    expect(isbn13To10('9780804429573')).toBe('080442957X');
    expect(isbn13To10('9791034304113')).toBeUndefined();
  });

  it('strips hyphens and spaces before checking', () => {
    expect(compactIsbn(' 978 0-8047 2521-7 ')).toBe('9780804725217');
  });
});
