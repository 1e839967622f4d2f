import { useEffect, useState } from 'react';

/** This browser's clock, ticking once a second while `running` (an agenda segment, a turn). */
export function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    // At once too: the last tick may be from long before the segment started.
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return running ? now : Date.now();
}
