// The cabinet, the stand-in and the job worker share one event loop: anything that holds it
// delays every user. The lag itself is in /metrics (prom-client's nodejs_eventloop_lag_* from
// monitorEventLoopDelay); this watch also writes a log line when one tick was late by more than
// the threshold, so that a stall is visible next to the request that caused it.
export interface LagLog {
  warn(details: Record<string, unknown>, message: string): void;
}

export function watchEventLoop(log: LagLog, thresholdMs = 200, intervalMs = 100): () => void {
  let expected = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    const lagMs = now - expected;
    expected = now + intervalMs;
    if (lagMs > thresholdMs) log.warn({ lagMs: Math.round(lagMs) }, "event loop blocked");
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
