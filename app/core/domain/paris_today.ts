import { DateTime } from 'luxon'

/** Today on the shops' calendar (Europe/Paris), as an ISO date: the day documents are dated. */
export const parisToday = () => DateTime.now().setZone('Europe/Paris').toISODate()!
