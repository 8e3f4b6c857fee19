import { planningRoutes } from '#interventions/http/planning_routes'
import { notificationRoutes } from '#interventions/http/notification_routes'
import { jobRoutes } from '#interventions/http/job_routes'
import { portalRoutes } from '#interventions/http/portal_routes'
import { jobDocumentRoutes } from '#interventions/http/document_routes'
import { dashboardRoutes } from '#interventions/http/dashboard_routes'
import { takeBackRoutes } from '#interventions/http/take_back_routes'

/** Routes of the interventions module: repair jobs, planning, the customer's link, the portal. */
export default function interventionsRoutes() {
  jobRoutes()
  portalRoutes()
  jobDocumentRoutes()
  planningRoutes()
  notificationRoutes()
  dashboardRoutes()
  takeBackRoutes()
}
