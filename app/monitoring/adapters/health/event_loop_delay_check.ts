import { monitorEventLoopDelay, type ELDHistogram } from 'node:perf_hooks'
import { BaseCheck, Result } from '@adonisjs/core/health'

const RESOLUTION_MS = 10

type Window = { p99: number; max: number; mean: number; samples: number; seconds: number }

/**
 * Event-loop lag p99 over the last completed window of at least `windowSeconds`, so a slow boot or
 * an old spike does not keep the process unready forever.
 */
export class EventLoopDelayCheck extends BaseCheck {
  name = 'Event loop delay check'

  #histogram: ELDHistogram
  #windowStartedAt = Date.now()
  #lastWindow: Window | null = null
  #warnMs = 100
  #failMs = 500
  #windowSeconds = 5

  constructor() {
    super()
    this.#histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
    this.#histogram.enable()
  }

  warnWhenExceeds(milliseconds: number) {
    this.#warnMs = milliseconds
    return this
  }

  failWhenExceeds(milliseconds: number) {
    this.#failMs = milliseconds
    return this
  }

  async run() {
    const window = this.#window()
    if (!window) return Result.ok('No event-loop delay sample yet')

    const meta = {
      lagInMs: { ...window, warningThreshold: this.#warnMs, failureThreshold: this.#failMs },
    }
    const summary = `Event-loop lag p99 is ${window.p99} ms over ${window.seconds} s`
    if (window.p99 > this.#failMs) {
      return Result.failed(`${summary}, above ${this.#failMs} ms`).mergeMetaData(meta)
    }
    if (window.p99 > this.#warnMs) {
      return Result.warning(`${summary}, above ${this.#warnMs} ms`).mergeMetaData(meta)
    }
    return Result.ok(summary).mergeMetaData(meta)
  }

  #window(): Window | null {
    const seconds = (Date.now() - this.#windowStartedAt) / 1000
    if (this.#histogram.count === 0) return this.#lastWindow
    if (seconds < this.#windowSeconds && this.#lastWindow) return this.#lastWindow

    const current = this.#snapshot(seconds)
    if (seconds >= this.#windowSeconds) {
      this.#lastWindow = current
      this.#histogram.reset()
      this.#windowStartedAt = Date.now()
    }
    return current
  }

  /** The histogram records the timer's whole period: the lag is what exceeds the resolution. */
  #snapshot(seconds: number): Window {
    const lag = (nanoseconds: number) =>
      Math.max(0, Math.round((nanoseconds / 1e6 - RESOLUTION_MS) * 10) / 10)
    return {
      p99: lag(this.#histogram.percentile(99)),
      max: lag(this.#histogram.max),
      mean: lag(this.#histogram.mean),
      samples: this.#histogram.count,
      seconds: Math.round(seconds * 10) / 10,
    }
  }
}
