import router from '@adonisjs/core/services/router'

export default function coreRoutes() {
  router.get('/', async () => 'home').as('home')
}
