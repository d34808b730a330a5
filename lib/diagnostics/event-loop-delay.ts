import { monitorEventLoopDelay } from "node:perf_hooks";
import { logger } from "@/lib/logger";

/**
 * For benchmarks (EVENT_LOOP_REPORT_MS): logs how late the event loop ran timers over each
 * interval — what every request and socket of the app waited on top of its own work.
 * Returns the function that stops it.
 */
export function reportEventLoopDelay(intervalMs: number): () => void {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    const toMs = (nanos: number) => Math.round(nanos / 1e4) / 100;
    logger.info("event loop delay", {
      p50: toMs(histogram.percentile(50)),
      p99: toMs(histogram.percentile(99)),
      max: toMs(histogram.max),
    });
    histogram.reset();
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}
