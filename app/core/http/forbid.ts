import { AuthorizationResponse, errors } from '@adonisjs/bouncer'

/** Refuses the request with the 403 page (and an audit entry, see the exception handler). */
export function forbid(): never {
  throw new errors.E_AUTHORIZATION_FAILURE(AuthorizationResponse.deny())
}
