/**
 * The value where the code relies on it being there (a row found a line above, a
 * field an earlier check guaranteed). Instead of `!`: if the reasoning is ever
 * wrong, the error names what was missing rather than an undefined running on.
 */
export function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
