import {
  javaMajorVersion,
  missingPrerequisites,
  MissingPrerequisiteError,
  requireChromium,
} from './prerequisites';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "25.0.3" 2026-04-21 LTS', 25],
    ['java version "1.8.0_392"', 8],
    ['nothing useful', undefined],
  ])('reads %s as %s', (text, major) => {
    expect(javaMajorVersion(text)).toBe(major);
  });
});

describe('missingPrerequisites', () => {
  const missing = (message: string) => () => {
    throw new MissingPrerequisiteError(message);
  };

  it('collects the one-line message of every missing tool, in order', () => {
    const present = () => undefined;
    expect(missingPrerequisites([missing('no java'), present, missing('no mvn')])).toEqual([
      'no java',
      'no mvn',
    ]);
  });

  it('is empty when every tool is there', () => {
    expect(missingPrerequisites([() => undefined])).toEqual([]);
  });

  it('lets an unexpected failure through instead of calling it a missing tool', () => {
    const broken = () => {
      throw new TypeError('bug');
    };
    expect(() => missingPrerequisites([broken])).toThrow(TypeError);
  });
});

describe('requireChromium', () => {
  it('takes CHROMIUM_PATH when it is set, and names how to install Chromium when it does not run', () => {
    expect(() => requireChromium({ CHROMIUM_PATH: '/nonexistent/chromium' })).toThrow(
      new MissingPrerequisiteError(
        'Chromium not found (chromium on PATH, or CHROMIUM_PATH): install it for the browser journeys (apt-get install chromium)',
      ),
    );
    expect(() => requireChromium({ CHROMIUM_PATH: process.execPath })).not.toThrow();
  });
});
