import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'

server.errorHandler(() => import('#core/http/exceptions/handler'))

server.use([
  () => import('#core/http/middleware/container_bindings_middleware'),
  () => import('#core/http/middleware/public_assets_middleware'),
])

// Only the body parser runs for every route: probes (/health/*) must not touch the session store.
router.use([() => import('@adonisjs/core/bodyparser_middleware')])

/**
 * The web stack (session, CSRF and headers, auth, locale, bouncer) is applied to the web route
 * group in start/routes.ts, in this order.
 */
export const middleware = router.named({
  session: () => import('@adonisjs/session/session_middleware'),
  shield: () => import('@adonisjs/shield/shield_middleware'),
  initializeAuth: () => import('@adonisjs/auth/initialize_auth_middleware'),
  locale: () => import('#core/http/middleware/locale_middleware'),
  bouncer: () => import('#core/http/middleware/initialize_bouncer_middleware'),
  auth: () => import('#core/http/middleware/auth_middleware'),
  guest: () => import('#core/http/middleware/guest_middleware'),
  operator: () => import('#core/http/middleware/operator_middleware'),
  tenant: () => import('#core/http/middleware/tenant_middleware'),
})

export const webStack = () => [
  middleware.session(),
  middleware.shield(),
  middleware.initializeAuth(),
  middleware.locale(),
  middleware.bouncer(),
]
