import { penNameKey, penNameProblems } from './pen-name-rules';

const codes = (name: string) => penNameProblems(name).map((p) => p.code);

describe('pen name rules', () => {
  it.each(['history_reader', 'Kim-Il-Sung', 'ab', 'x'.repeat(30), 'Reader_1950', 'Hancock'])(
    'accepts %s',
    (name) => expect(codes(name)).toEqual([]),
  );

  it.each(['a', 'x'.repeat(31), 'has space', 'émile', 'semi;colon', '', 'dot.name'])(
    'refuses the format of "%s"',
    (name) => expect(codes(name)).toEqual(['PEN_NAME_FORMAT']),
  );

  it.each(['admin', 'ADMIN', 'Moderator', 'anonymous', 'Anon_ymous', 'staff', 'staff_2', 'moderator-team'])(
    'refuses the reserved name %s',
    (name) => expect(codes(name)).toContain('PEN_NAME_RESERVED'),
  );

  it.each(['shit_reader', 'big-fuck', 'BigAsshole', 'sh1thead'])('refuses the offensive name %s', (name) =>
    expect(codes(name)).toContain('PEN_NAME_OFFENSIVE'),
  );

  it('compares names ignoring case', () => {
    expect(penNameKey('History_Reader')).toBe(penNameKey('history_READER'));
  });
});
