/**
 * `--name value` pairs over defaults. Each value must be a whole number; a count that defaults to 0
 * (none unless asked for, like `--certificates`) may be 0, the others must be at least 1.
 */
export function parseOptions<T extends Record<string, number>>(args: string[], defaults: T): T {
  const options: Record<string, number> = { ...defaults };
  for (const name of Object.keys(defaults)) {
    const at = args.indexOf(`--${name}`);
    if (at === -1) continue;
    const least = defaults[name] === 0 ? 0 : 1;
    const value = Number(args[at + 1]);
    if (args[at + 1] === undefined || args[at + 1].trim() === '' || !Number.isInteger(value) || value < least) {
      throw new Error(`--${name} needs a whole number of at least ${least}, not "${args[at + 1] ?? ''}"`);
    }
    options[name] = value;
  }
  return options as T;
}
