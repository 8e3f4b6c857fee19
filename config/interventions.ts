import env from '#start/env'
import { DEV_CLIENT } from '#interventions/adapters/agora_simulator/seed_data'

/**
 * `simulator` points the AGORA adapter at `node ace agora:simulator` (its development
 * credentials unless others are given); `http` is the real portal and needs every AGORA_* value.
 * The simulator is only the default outside production, so a forgotten variable cannot send
 * a live shop's work to a local fake.
 */
const adapter = env.get(
  'PORTAL_ADAPTER',
  env.get('NODE_ENV') === 'production' ? 'http' : 'simulator'
)
const simulated = adapter === 'simulator'

export default {
  portal: {
    adapter,
    agora: {
      url: env.get('AGORA_URL') ?? (simulated ? 'http://127.0.0.1:4555' : null),
      clientId: env.get('AGORA_CLIENT_ID') ?? (simulated ? DEV_CLIENT.clientId : null),
      clientSecret:
        env.get('AGORA_CLIENT_SECRET')?.release() ?? (simulated ? DEV_CLIENT.clientSecret : null),
      /** Real clients of the portal wait 10 to 25 s. */
      timeoutMs: env.get('AGORA_TIMEOUT_MS', 15_000),
      maxAttempts: env.get('AGORA_MAX_ATTEMPTS', 3),
      retryBaseDelayMs: env.get('AGORA_RETRY_BASE_DELAY_MS', 500),
      retryMaxDelayMs: 10_000,
    },
  },
}
