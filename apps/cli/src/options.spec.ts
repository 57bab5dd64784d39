import { parseOptions } from './options.js';

describe('parseOptions (the CLI’s numeric options)', () => {
  const defaults = { opportunities: 10_000, certificates: 0 };

  it('takes the given values over the defaults', () => {
    expect(parseOptions(['--opportunities', '5', '--certificates', '7'], defaults)).toEqual({ opportunities: 5, certificates: 7 });
    expect(parseOptions([], defaults)).toEqual(defaults);
  });

  it('accepts 0 for a count that defaults to none, and refuses it for the others', () => {
    expect(parseOptions(['--certificates', '0'], defaults)).toEqual({ opportunities: 10_000, certificates: 0 });
    expect(() => parseOptions(['--opportunities', '0'], defaults)).toThrow('--opportunities needs a whole number of at least 1, not "0"');
  });

  it('refuses what is not a whole number, or missing', () => {
    for (const value of ['-1', '2.5', 'many', '']) expect(() => parseOptions(['--certificates', value], defaults)).toThrow(`--certificates needs a whole number of at least 0, not "${value}"`);
    expect(() => parseOptions(['--certificates'], defaults)).toThrow('--certificates needs a whole number of at least 0, not ""');
  });
});
