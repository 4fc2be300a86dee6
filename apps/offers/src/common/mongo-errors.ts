/** E11000: a unique index refused the write (also when two writers raced for the same key). */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
