const DUPLICATE_KEY = 11000;

/** E11000: a unique index refused the write (a lost race, or a duplicate the caller reports). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === DUPLICATE_KEY;
}
