import env from '#start/env'

export default {
  /**
   * PDFs rendered at once by one process; more wait their turn. Two pages give ~1.3× the throughput
   * of one on two cores (ENVIRONMENT.md); beyond the core count they only add latency.
   */
  concurrency: env.get('PDF_CONCURRENCY', 2),
  /** A render still running after this is abandoned and its page thrown away. */
  timeoutMs: env.get('PDF_TIMEOUT_MS', 20_000),
}
