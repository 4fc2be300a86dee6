import { selectSuites, suiteNameOf } from './suite';

describe('suiteNameOf', () => {
  it('reads the suite name from <name>.suite.ts (or .js when compiled)', () => {
    expect(suiteNameOf('messaging.suite.ts')).toBe('messaging');
    expect(suiteNameOf('read-model.suite.js')).toBe('read-model');
  });

  it('ignores every other file', () => {
    expect(suiteNameOf('messaging.ts')).toBeUndefined();
    expect(suiteNameOf('messaging.suite.spec.ts')).toBeUndefined();
    expect(suiteNameOf('Messaging.suite.ts')).toBeUndefined();
  });
});

describe('selectSuites', () => {
  const available = [{ name: 'catalog' }, { name: 'messaging' }, { name: 'offers' }];

  it('selects every suite when none is named', () => {
    expect(selectSuites(available, [])).toEqual(available);
  });

  it('selects the named suites in registry order', () => {
    expect(selectSuites(available, ['offers', 'catalog'])).toEqual([{ name: 'catalog' }, { name: 'offers' }]);
  });

  it('refuses a name no suite has, listing the ones that exist', () => {
    expect(() => selectSuites(available, ['mesaging'])).toThrow(
      'unknown bench suite(s): mesaging (available: catalog, messaging, offers)',
    );
  });
});
