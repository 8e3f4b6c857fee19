import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Runs the local AGORA portal simulator that development and tests point PORTAL_ADAPTER at. */
export default class AgoraSimulator extends BaseCommand {
  static commandName = 'agora:simulator'
  static description = 'Run the local AGORA manufacturer-portal simulator until Ctrl+C'

  // Nothing of the app is needed; staying alive keeps the server up after run() returns.
  static options: CommandOptions = { startApp: false, staysAlive: true }

  @flags.number({ description: 'Port to listen on', default: 4555 })
  declare port: number

  @flags.string({ description: 'Interface to listen on', default: '127.0.0.1' })
  declare host: string

  @flags.boolean({
    description: 'Log every request',
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare log: boolean

  async run() {
    // Imported here: ace loads every command file just to list them.
    const { startAgoraSimulator } =
      await import('#interventions/adapters/agora_simulator/agora_simulator')
    const { DEV_CLIENT } = await import('#interventions/adapters/agora_simulator/seed_data')
    const simulator = await startAgoraSimulator({
      port: this.port,
      host: this.host,
      log: this.log ? (line) => this.logger.log(line) : undefined,
    })
    this.logger.success(`AGORA simulator listening on ${simulator.url}`)
    this.logger.info(`client id "${DEV_CLIENT.clientId}", secret "${DEV_CLIENT.clientSecret}"`)
    this.logger.info(`inspect: ${simulator.url}/__simulator/state — stop with Ctrl+C`)

    const stop = async () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      await simulator.close()
      this.logger.info('AGORA simulator stopped')
      await this.terminate()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
}
