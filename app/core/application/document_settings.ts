import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import {
  documentSettingsProblems,
  type DocumentSettings,
  type EditableDocumentSettings,
  type SettingsProblem,
  type StoredLogo,
} from '#core/domain/document_settings'
import { fail, ok, type Result } from '#core/domain/result'
import { checkUpload, SNIFF_BYTES, type UploadRefusal } from '#core/domain/uploads'
import { FileStorage, tenantFileKey } from '#core/application/file_storage'

/** One row of settings per tenant; a tenant without a row has the defaults. */
export abstract class DocumentSettingsRepository {
  abstract find(tenantId: string): Promise<DocumentSettings>
  /** Everything but the logo, created on the first save. */
  abstract save(tenantId: string, settings: EditableDocumentSettings): Promise<void>
  /** Sets (or clears) the logo and returns the one it replaced. */
  abstract setLogo(tenantId: string, logo: StoredLogo | null): Promise<StoredLogo | null>
}

/**
 * Stores a new logo once its content proves to be an image within the size limit. Each upload gets
 * a new key, so a document being printed meanwhile reads the old file or the new one, whole.
 */
@inject()
export class ReplaceDocumentLogo {
  constructor(
    private settings: DocumentSettingsRepository,
    private storage: FileStorage
  ) {}

  async execute(input: {
    tenantId: string
    content: Uint8Array
    declaredType?: string | null
    fileName?: string | null
  }): Promise<Result<StoredLogo, { type: UploadRefusal }>> {
    const checked = checkUpload('logo', {
      head: input.content.subarray(0, SNIFF_BYTES),
      size: input.content.byteLength,
      declaredType: input.declaredType,
      fileName: input.fileName,
    })
    if (!checked.ok) return checked
    const { contentType, extension } = checked.value
    const logo = {
      key: tenantFileKey(input.tenantId, 'documents', `logo-${randomUUID()}.${extension}`),
      contentType,
    }
    await this.storage.put(logo.key, input.content, { contentType })
    let previous: StoredLogo | null
    try {
      previous = await this.settings.setLogo(input.tenantId, logo)
    } catch (error) {
      await this.storage.delete(logo.key)
      throw error
    }
    if (previous) await this.storage.delete(previous.key)
    return ok(logo)
  }
}

/** Documents go back to printing no logo. */
@inject()
export class RemoveDocumentLogo {
  constructor(
    private settings: DocumentSettingsRepository,
    private storage: FileStorage
  ) {}

  async execute(tenantId: string): Promise<Result<null, { type: 'no_logo' }>> {
    const previous = await this.settings.setLogo(tenantId, null)
    if (!previous) return fail({ type: 'no_logo' })
    await this.storage.delete(previous.key)
    return ok(null)
  }
}

/** A logo file as it arrived with the settings form. */
export interface LogoUpload {
  content: Uint8Array
  declaredType?: string | null
  fileName?: string | null
}

/**
 * Saves what documents print, once its fields agree with each other (capital, registry, terms…),
 * with the logo sent alongside if any. Refused as a whole: a refused logo saves no text either.
 */
@inject()
export class SaveDocumentSettings {
  constructor(
    private settings: DocumentSettingsRepository,
    private replaceLogo: ReplaceDocumentLogo
  ) {}

  async execute(input: {
    tenantId: string
    settings: EditableDocumentSettings
    logo?: LogoUpload | null
  }): Promise<
    Result<null, { type: 'invalid'; problems: SettingsProblem[] } | { type: UploadRefusal }>
  > {
    const problems = documentSettingsProblems(input.settings)
    if (problems.length) return fail({ type: 'invalid', problems })
    if (input.logo) {
      const stored = await this.replaceLogo.execute({ tenantId: input.tenantId, ...input.logo })
      if (!stored.ok) return stored
    }
    await this.settings.save(input.tenantId, input.settings)
    return ok(null)
  }
}
