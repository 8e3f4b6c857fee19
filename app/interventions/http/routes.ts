import { planningRoutes } from '#interventions/http/planning_routes'
import { notificationRoutes } from '#interventions/http/notification_routes'
import { jobRoutes } from '#interventions/http/job_routes'
import { jobDocumentRoutes } from '#interventions/http/document_routes'
import { dashboardRoutes } from '#interventions/http/dashboard_routes'

/** Routes of the interventions module: repair jobs, planning, the customer's link, the portal. */
export default function interventionsRoutes() {
  jobRoutes()
  jobDocumentRoutes()
  planningRoutes()
  notificationRoutes()
  dashboardRoutes()
}
