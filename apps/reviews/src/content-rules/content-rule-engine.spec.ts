import { ContentRuleEngine } from './content-rule-engine';

const engine = new ContentRuleEngine();
const ordinary = 'A careful and well sourced history of the alliance, ';

function codesOf(body: string, title?: string): string[] {
  return engine.evaluate({ body, title }).violations.map((v) => v.code);
}

describe('content rules: the examples of the issue', () => {
  it.each(['the Korean War (1950-1953)', "Stalin's 1949 cables", 'page 393', 'the 38th parallel'])(
    'passes ordinary book talk: %s',
    (phrase) => {
      const decision = engine.evaluate({ body: `${ordinary}${phrase} is discussed at length.` });
      expect(decision).toMatchObject({ verdict: 'accepted', violations: [] });
    },
  );

  it('rejects <b>great</b> as an HTML tag', () => {
    expect(codesOf(`${ordinary}and <b>great</b> to read.`)).toEqual(['HTML_TAG']);
  });

  it('rejects "call 555-123-4567" as a phone number', () => {
    expect(codesOf(`${ordinary}call 555-123-4567 for more.`)).toEqual(['PHONE_NUMBER']);
  });

  it('rejects www.example.com as a URL', () => {
    expect(codesOf(`${ordinary}see www.example.com for more.`)).toEqual(['URL']);
  });

  it('rejects "only $2.61 at my shop" as pricing and solicitation', () => {
    expect(codesOf(`${ordinary}only $2.61 at my shop.`)).toEqual([
      'PRICING_AVAILABILITY',
      'ADVERTISEMENT_SOLICITATION',
    ]);
  });

  it('rejects "Great!" as both too short and a single word, listing both', () => {
    const decision = engine.evaluate({ body: 'Great!' });
    expect(decision.verdict).toBe('rejected');
    expect(decision.violations.map((v) => v.code)).toEqual(['BODY_TOO_SHORT', 'SINGLE_WORD']);
  });
});

describe('content rules: each hard rule, both directions', () => {
  it.each([
    ['HTML_TAG', 'Read it <script>alert(1)</script> twice over.', 'Read it when x < y and y > z holds true.'],
    ['PROFANITY', 'This book is shit from start to finish.', 'This book is a classic from start to finish.'],
    ['PROFANITY', 'A f*cking mess of a book, honestly.', 'The cockpit chapter is a mess, honestly.'],
    ['BODY_TOO_SHORT', 'Good book, ok', 'Good book, ok, and worth reading.'],
    ['SINGLE_WORD', 'Extraordinarily-good-and-well-sourced!!!', 'Extraordinarily good and well sourced.'],
    [
      'PHONE_NUMBER',
      'For a copy ring me on (555) 123-4567 today.',
      'The siege lasted from 1950-1953, said the text.',
    ],
    [
      'PHONE_NUMBER',
      'For a copy phone 555 1234 after dinner.',
      'The appendix on pages 393-401 is essential.',
    ],
    [
      'EMAIL_ADDRESS',
      'Write to reader@example.com with questions.',
      'Write to the publisher with questions.',
    ],
    ['STREET_ADDRESS', 'Pick it up at 221 Baker Street any day.', 'Pick up the 38th parallel chapter first.'],
    [
      'URL',
      'More at https://example.org/x for everyone.',
      'More in chapter 3, e.g. the protocols, for everyone.',
    ],
    ['URL', 'More at example.com for everyone.', 'More in the Library Journal for everyone.'],
    [
      'PRICING_AVAILABILITY',
      'Worth it at 20 dollars, it is in stock now.',
      'Moscow promised $300 million in credits to Beijing.',
    ],
    [
      'ADVERTISEMENT_SOLICITATION',
      'Great read, use promo code SAVE10 on checkout.',
      'Great read, my students loved the code chapters.',
    ],
    [
      'TIME_SENSITIVE',
      'The author has a signing on May 5 at the mall.',
      'Mao signed the treaty in February 1950 in Moscow.',
    ],
    [
      'TIME_SENSITIVE',
      'Come to the lecture next Tuesday at 7pm, it is good.',
      'His 1950 lecture notes are reproduced in full.',
    ],
  ])('%s: flags "%s", passes "%s"', (code, flagged, clean) => {
    expect(codesOf(flagged)).toContain(code);
    expect(codesOf(clean)).not.toContain(code);
  });

  it('checks the title too, with spans naming the field', () => {
    const decision = engine.evaluate({
      title: 'see www.example.com',
      body: `${ordinary}nothing else to add.`,
    });
    expect(decision.violations).toEqual([
      expect.objectContaining({
        code: 'URL',
        spans: [{ field: 'title', start: 4, end: 19, text: 'www.example.com' }],
      }),
    ]);
  });

  it('reports the exact span of every violation in the body', () => {
    const body = 'Great history, call 555-123-4567 or mail me@example.com now.';
    const decision = engine.evaluate({ body });
    for (const violation of decision.violations) {
      for (const span of violation.spans) expect(body.slice(span.start, span.end)).toBe(span.text);
    }
    expect(decision.violations.find((v) => v.code === 'PHONE_NUMBER')?.spans).toHaveLength(1);
  });
});

describe('content rules: soft rules send the review to a moderator', () => {
  it.each([
    [
      'AUTHOR_FOCUS',
      'The author is an idiot and the book shows it plainly.',
      'The authors use Chinese and Russian sources well.',
    ],
    [
      'POSSIBLE_SPOILER',
      'Spoiler alert: the killer is the butler in this one.',
      'The ending chapter on Inchon is the strongest part.',
    ],
    [
      'POSSIBLE_DEFAMATION',
      'The translator was a known plagiarist, sadly for us.',
      'The translator was a careful scholar, luckily for us.',
    ],
    [
      'UNSURE_CONTACT_DETAILS',
      'Reach me at gmail for a swap of old history books.',
      'Reach for this book if you like old history books.',
    ],
    [
      'PRODUCT_PAGE_COMMENTARY',
      'Other reviewers missed the point of chapter two.',
      'Most readers will enjoy the point of chapter two.',
    ],
  ])('%s: flags "%s" (pending), passes "%s"', (code, flagged, clean) => {
    const decision = engine.evaluate({ body: flagged });
    expect(decision.verdict).toBe('pending');
    expect(decision.violations.map((v) => v.code)).toEqual([code]);
    expect(codesOf(clean)).toEqual([]);
  });

  it('lets hard rules win over soft ones', () => {
    expect(engine.evaluate({ body: 'The author is an idiot, see www.example.com now.' }).verdict).toBe(
      'rejected',
    );
  });

  it('records the rule-set version with every decision', () => {
    expect(engine.evaluate({ body: `${ordinary}fine.` }).ruleSetVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
  });
});
