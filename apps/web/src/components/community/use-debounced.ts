'use client';

import { useEffect, useState } from 'react';

/**
 * The answer of `fetcher` for `input`, asked `delayMs` after the input last changed; an older
 * answer arriving late never replaces a newer one (its request is aborted).
 */
export function useDebouncedAnswer<I, O>(
  input: I | undefined,
  fetcher: (input: I, signal: AbortSignal) => Promise<O | undefined>,
  delayMs = 400,
): O | undefined {
  const [answer, setAnswer] = useState<O | undefined>(undefined);
  const key = input === undefined ? undefined : JSON.stringify(input);
  useEffect(() => {
    if (key === undefined) {
      setAnswer(undefined);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetcher(JSON.parse(key) as I, controller.signal).then(
        (result) => {
          if (!controller.signal.aborted) setAnswer(result);
        },
        () => undefined,
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The fetcher is a module-level function; the input is compared by value through `key`.
  }, [key, delayMs]);
  return answer;
}
