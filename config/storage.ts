import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import app from '@adonisjs/core/services/app'
import env from '#start/env'

const configured = env.get('STORAGE_PATH')

export default {
  /**
   * Root folder of the local-disk file store (relative paths start at the project). Tests write to
   * a temporary folder so that a run never leaves files in the working copy.
   */
  root: configured
    ? resolve(app.makePath(), configured)
    : app.inTest
      ? join(tmpdir(), 'agoserve-storage-test')
      : app.makePath('storage'),
}
