import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'
import { postgresSessionStore } from '#core/adapters/session/postgres_session_store'

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'agoserve-session',
  // Sessions end with the browser: remember-me is off by default.
  clearWithBrowser: true,
  age: '8h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER'),
  stores: {
    cookie: stores.cookie(),
    database: postgresSessionStore({ connectionName: 'platform', tableName: 'sessions' }),
  },
})

export default sessionConfig
