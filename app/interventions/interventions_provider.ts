import type { ApplicationService } from '@adonisjs/core/types'
import {
  ManufacturerPortal,
  PortalJobExporter,
} from '#interventions/application/manufacturer_portal'
import { PlanningStore } from '#interventions/application/planning_store'
import { RepairJobs } from '#interventions/application/repair_jobs'
import {
  bindNotifications,
  startNotificationWorker,
  stopNotificationWorker,
} from '#interventions/notification_bindings'
import { JobLinks } from '#interventions/application/job_links'

/** Composition root of the interventions module: repair jobs, planning and the manufacturer portal. */
export default class InterventionsProvider {
  constructor(protected app: ApplicationService) {}

  register() {
    bindNotifications(this.app)
    this.app.container.singleton(RepairJobs, async () => {
      const { LucidRepairJobs } = await import('#interventions/adapters/lucid/lucid_repair_jobs')
      return new LucidRepairJobs()
    })
    this.app.container.singleton(JobLinks, async () => {
      const { LucidJobLinks } = await import('#interventions/adapters/lucid/lucid_job_links')
      return new LucidJobLinks()
    })
    this.app.container.singleton(PlanningStore, async () => {
      const { LucidPlanningStore } =
        await import('#interventions/adapters/lucid/lucid_planning_store')
      return new LucidPlanningStore()
    })
    // The simulator is a server like the real portal: one HTTP adapter serves both.
    this.app.container.singleton(ManufacturerPortal, async () => {
      const { default: config } = await import('#config/interventions')
      const { url, clientId, clientSecret, ...retries } = config.portal.agora
      if (!url || !clientId || !clientSecret) {
        throw new Error(
          `PORTAL_ADAPTER=${config.portal.adapter} needs AGORA_URL, AGORA_CLIENT_ID and AGORA_CLIENT_SECRET`
        )
      }
      const { AgoraHttpPortal } =
        await import('#interventions/adapters/agora_http/agora_http_portal')
      return new AgoraHttpPortal({ baseUrl: url, clientId, clientSecret, ...retries })
    })
    this.app.container.singleton(PortalJobExporter, async () => {
      const { CsvPortalJobExporter } =
        await import('#interventions/adapters/portal_files/csv_portal_job_exporter')
      return new CsvPortalJobExporter()
    })
  }

  async ready() {
    await startNotificationWorker(this.app)
  }

  async shutdown() {
    await stopNotificationWorker(this.app)
  }
}
