import type { ApplicationService } from '@adonisjs/core/types'
import {
  ManufacturerPortal,
  PortalJobExporter,
} from '#interventions/application/manufacturer_portal'
import { PlanningStore } from '#interventions/application/planning_store'
import { RepairJobs } from '#interventions/application/repair_jobs'
import { TakeBacks } from '#interventions/application/take_backs'
import {
  bindNotifications,
  startNotificationWorker,
  stopNotificationWorker,
} from '#interventions/notification_bindings'
import { JobLinks } from '#interventions/application/job_links'
import {
  PortalSyncQueue,
  PortalSyncStore,
  WarrantyEvidence,
} from '#interventions/application/portal_sync_store'

/** Composition root of the interventions module: repair jobs, planning and the manufacturer portal. */
export default class InterventionsProvider {
  constructor(protected app: ApplicationService) {}

  /** The customer's access request includes their repair jobs. */
  async boot() {
    const { registerPersonalDataSection } =
      await import('#core/adapters/lucid/personal_data_sections')
    const { repairJobsOfCustomer } = await import('#interventions/adapters/lucid/job_personal_data')
    registerPersonalDataSection('repair_jobs', repairJobsOfCustomer)
  }

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
    this.app.container.singleton(TakeBacks, async () => {
      const { LucidTakeBacks } = await import('#interventions/adapters/lucid/lucid_take_backs')
      return new LucidTakeBacks()
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
    this.app.container.singleton(PortalSyncStore, async () => {
      const { LucidPortalSyncStore } =
        await import('#interventions/adapters/lucid/lucid_portal_sync_store')
      return new LucidPortalSyncStore()
    })
    this.app.container.singleton(WarrantyEvidence, async () => {
      const { JobFileWarrantyEvidence } =
        await import('#interventions/adapters/lucid/job_file_warranty_evidence')
      return new JobFileWarrantyEvidence()
    })
    this.app.container.singleton(PortalSyncQueue, async () => {
      const { PortalSyncJobs } = await import('#interventions/adapters/pg_boss/portal_sync_jobs')
      const { platformDatabaseUrl } = await import('#config/database')
      return new PortalSyncJobs({
        connectionString: platformDatabaseUrl(),
        logger: await this.app.container.make('logger'),
        schedule: this.app.getEnvironment() === 'web',
      })
    })
  }

  async ready() {
    await startNotificationWorker(this.app)
    const { startPortalSyncWorker } =
      await import('#interventions/adapters/pg_boss/portal_sync_jobs')
    await startPortalSyncWorker(this.app)
  }

  async shutdown() {
    await stopNotificationWorker(this.app)
    const { stopPortalSyncWorker } =
      await import('#interventions/adapters/pg_boss/portal_sync_jobs')
    await stopPortalSyncWorker(this.app)
  }
}
