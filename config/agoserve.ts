import env from '#start/env'

export default {
  /** Minutes without activity after which a session frees its seat. */
  seatIdleMinutes: env.get('SEAT_IDLE_MINUTES', 15),
  /** Failed sign-ins allowed per e-mail and IP within `loginWindow`. */
  loginMaxAttempts: env.get('LOGIN_MAX_ATTEMPTS', 5),
  loginWindow: '15 mins',
  /** Expected in the X-Monitoring-Token header to get the detailed readiness report. */
  monitoringToken: env.get('MONITORING_TOKEN'),
  /** Validity of a password reset link. */
  passwordResetMinutes: 60,
}
