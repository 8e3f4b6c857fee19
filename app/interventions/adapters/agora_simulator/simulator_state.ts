import {
  mandateStatusAfterReport,
  mandateStatuses,
  repairStatusCode,
} from '#interventions/domain/portal_statuses'
import {
  BLOCKED_SERIAL_NUMBER,
  type SeedMandate,
  type SeedPart,
  type SimulatorSeed,
} from '#interventions/adapters/agora_simulator/seed_data'
import {
  answer,
  BodyCheck,
  notFound,
  paginate,
  refusal,
  type FieldError,
  type Reply,
} from '#interventions/adapters/agora_simulator/replies'

interface StoredMandate {
  wire: SeedMandate
  afterSalesFileRef: string | null
  jobReference: string | null
  refusal: { reasonCode: string; comment: string | null } | null
}

interface StatusEvent {
  eventId: string
  mandateId: string
  statusCode: string
  at: string
  appointmentAt: string | null
  comment: string | null
  recordedAt: string
}

interface StoredWarrantyRequest {
  id: string
  draft: Record<string, unknown>
  status: 'PENDING' | 'VALID' | 'INVALID' | 'TRANSMITTED' | 'PAID'
  /** What the portal's check concluded, shown once `pollsLeft` reaches zero. */
  checked: { status: 'VALID' | 'INVALID'; errors: FieldError[] }
  errors: FieldError[]
  pollsLeft: number
  transmittedAt: string | null
  paidAt: string | null
  paidAmountCents: number | null
  updatedAt: string
}

interface StoredClaim {
  id: string
  report: Record<string, unknown>
  status: 'SUBMITTED' | 'ACCEPTED' | 'REJECTED' | 'TO_CORRECT'
  decision: {
    status: 'ACCEPTED' | 'REJECTED' | 'TO_CORRECT'
    acceptedCents: number | null
    reason: string | null
  }
  claimedCents: number
  acceptedCents: number | null
  reason: string | null
  pollsLeft: number
  updatedAt: string
}

interface OrderLine {
  partNumber: string
  quantity: number
  outcome: 'ORDERED' | 'REPLACEMENT_PRODUCT' | 'RCA' | null
  supplierOrderRef: string | null
  unitPriceCents: number | null
  expectedOn: string | null
  replacementProductRef: string | null
  returnAuthorisation: { number: string; url: string } | null
}

interface StoredOrder {
  id: string
  deliveryMode: 'REPAIR' | 'STOCK'
  jobReference: string | null
  afterSalesFileRef: string | null
  status: 'ANALYSING' | 'ANSWERED'
  lines: OrderLine[]
  pollsLeft: number
  documentsBaseUrl: string
  createdAt: string
}

/** Everything one repairer account holds on the portal. */
export interface RepairerBook {
  mandates: Map<string, StoredMandate>
  statusEvents: StatusEvent[]
  warrantyRequests: Map<string, StoredWarrantyRequest>
  claimReports: Map<string, StoredClaim>
  partsOrders: Map<string, StoredOrder>
  /** Idempotency-Key → the first answer, with a fingerprint of the request it answered. */
  idempotency: Map<string, { fingerprint: string; reply: Reply }>
}

export interface RepairerSummary {
  mandates: Record<string, number>
  statusEvents: number
  warrantyRequests: number
  claimReports: number
  partsOrders: number
  idempotencyKeys: number
}

const MAX_LOOKUP = 50

/**
 * The simulated portal's memory and rules. Each repairer code gets its own copy of the seeded
 * mandates, so shops (and tests) do not see each other's work.
 */
export class SimulatorState {
  readonly seed: SimulatorSeed
  readonly #now: () => Date
  #books = new Map<string, RepairerBook>()
  #tokens = new Map<string, { clientId: string; expiresAt: number }>()
  #requests = new Map<string, number>()
  #sequence = 0

  constructor(seed: SimulatorSeed, now: () => Date = () => new Date()) {
    this.seed = seed
    this.#now = now
  }

  reset() {
    this.#books.clear()
    this.#tokens.clear()
    this.#requests.clear()
    this.#sequence = 0
  }

  book(repairerCode: string): RepairerBook {
    let book = this.#books.get(repairerCode)
    if (!book) {
      book = {
        mandates: new Map(
          this.seed.mandates.map((mandate) => [
            mandate.id,
            {
              wire: structuredClone(mandate),
              afterSalesFileRef: null,
              jobReference: null,
              refusal: null,
            },
          ])
        ),
        statusEvents: [],
        warrantyRequests: new Map(),
        claimReports: new Map(),
        partsOrders: new Map(),
        idempotency: new Map(),
      }
      this.#books.set(repairerCode, book)
    }
    return book
  }

  /** What tests count: objects created per repairer and calls received per route. */
  summary() {
    const repairers: Record<string, RepairerSummary> = {}
    for (const [code, book] of this.#books) repairers[code] = summarise(book)
    return {
      repairers,
      requests: Object.fromEntries(this.#requests),
      tokensIssued: this.#tokens.size,
    }
  }

  repairer(repairerCode: string): RepairerSummary {
    return summarise(this.book(repairerCode))
  }

  /** Calls received on a route, e.g. `requestCount('POST /api/v1/parts-orders')`. */
  requestCount(route: string) {
    return this.#requests.get(route) ?? 0
  }

  countRequest(route: string) {
    this.#requests.set(route, (this.#requests.get(route) ?? 0) + 1)
  }

  #id(prefix: string) {
    this.#sequence += 1
    return `${prefix}-${String(this.#sequence).padStart(6, '0')}`
  }

  #stamp() {
    return this.#now().toISOString()
  }

  // Authentication

  issueToken(body: unknown): Reply {
    const check = new BodyCheck(body)
    const grantType = check.string('grantType')
    const clientId = check.string('clientId')
    const clientSecret = check.string('clientSecret')
    if (check.failed()) return check.reply()
    if (grantType !== 'client_credentials') {
      return refusal(400, 'unsupported_grant_type', 'Seul client_credentials est accepté')
    }
    const client = this.seed.clients.find(
      (candidate) => candidate.clientId === clientId && candidate.clientSecret === clientSecret
    )
    if (!client) return refusal(401, 'invalid_client', 'Identifiants client inconnus')
    const accessToken = `sim_${crypto.randomUUID().replaceAll('-', '')}`
    this.#tokens.set(accessToken, {
      clientId: client.clientId,
      expiresAt: this.#now().getTime() + this.seed.tokenTtlSeconds * 1000,
    })
    return {
      status: 200,
      body: { accessToken, tokenType: 'Bearer', expiresIn: this.seed.tokenTtlSeconds },
    }
  }

  tokenIsValid(token: string) {
    const entry = this.#tokens.get(token)
    return entry !== undefined && entry.expiresAt > this.#now().getTime()
  }

  revokeTokens() {
    this.#tokens.clear()
  }

  // Mandates

  listMandates(book: RepairerBook, query: URLSearchParams): Reply {
    const status = query.get('status')
    const since = query.get('since')
    if (status && !mandateStatuses.codes.includes(status)) {
      return refusal(400, 'invalid_request', 'Statut inconnu', [
        { field: 'status', message: 'Statut inconnu' },
      ])
    }
    if (since && Number.isNaN(Date.parse(since))) {
      return refusal(400, 'invalid_request', 'Date invalide', [
        { field: 'since', message: 'Date ISO 8601 attendue' },
      ])
    }
    const mandates = [...book.mandates.values()]
      .map((stored) => stored.wire)
      .filter((mandate) => !status || mandate.status === status)
      .filter((mandate) => !since || Date.parse(mandate.createdAt) >= Date.parse(since))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    return paginate(mandates, query)
  }

  getMandate(book: RepairerBook, mandateId: string): Reply {
    const stored = book.mandates.get(mandateId)
    return stored ? answer(200, stored.wire) : notFound('Mandat inconnu')
  }

  acceptMandate(book: RepairerBook, mandateId: string, body: unknown, repairerCode: string) {
    const stored = book.mandates.get(mandateId)
    if (!stored) return notFound('Mandat inconnu')
    const check = new BodyCheck(body)
    const jobReference = check.string('jobReference')
    if (check.failed()) return check.reply()
    if (stored.wire.status !== 'NEW') {
      return refusal(
        409,
        'illegal_transition',
        `Le mandat n'est plus à traiter (statut ${stored.wire.status})`
      )
    }
    stored.wire.status = 'ACCEPTED'
    stored.jobReference = jobReference
    stored.afterSalesFileRef = this.#id(`SAV-${repairerCode}`)
    return answer(200, {
      mandateId,
      status: stored.wire.status,
      afterSalesFileRef: stored.afterSalesFileRef,
    })
  }

  refuseMandate(book: RepairerBook, mandateId: string, body: unknown): Reply {
    const stored = book.mandates.get(mandateId)
    if (!stored) return notFound('Mandat inconnu')
    const check = new BodyCheck(body)
    const reasonCode = check.string('reasonCode')
    const comment = check.nullableString('comment')
    if (check.failed()) return check.reply()
    if (!this.seed.refusalReasons.some((reason) => reason.code === reasonCode)) {
      return refusal(400, 'invalid_request', 'Motif de refus inconnu', [
        { field: 'reasonCode', message: 'Motif de refus inconnu' },
      ])
    }
    if (stored.wire.status !== 'NEW') {
      return refusal(
        409,
        'illegal_transition',
        `Le mandat n'est plus à traiter (statut ${stored.wire.status})`
      )
    }
    if (reasonCode === 'AUTRE' && !comment) {
      return refusal(422, 'comment_required', 'Un commentaire est requis pour ce motif', [
        { field: 'comment', message: 'Obligatoire avec le motif AUTRE' },
      ])
    }
    stored.wire.status = 'REFUSED'
    stored.refusal = { reasonCode: reasonCode!, comment }
    return answer(200, { mandateId, status: stored.wire.status })
  }

  reportStatus(book: RepairerBook, mandateId: string, body: unknown): Reply {
    const stored = book.mandates.get(mandateId)
    if (!stored) return notFound('Mandat inconnu')
    const check = new BodyCheck(body)
    const statusCode = check.string('statusCode')
    const at = check.instant('at')
    const appointmentAt = check.nullableInstant('appointmentAt')
    const comment = check.nullableString('comment')
    if (check.failed()) return check.reply()
    if (!repairStatusCode(statusCode!)) {
      return refusal(400, 'invalid_request', 'Code statut inconnu', [
        { field: 'statusCode', message: 'Code absent de la table des statuts' },
      ])
    }
    const current = mandateStatuses.fromPortal(stored.wire.status)!
    const next = mandateStatusAfterReport(current, statusCode!)
    if (!next) {
      return refusal(
        409,
        'illegal_transition',
        `Statut ${statusCode} refusé : mandat ${stored.wire.status}`
      )
    }
    stored.wire.status = mandateStatuses.toPortal(next) as SeedMandate['status']
    const event: StatusEvent = {
      eventId: this.#id('EVT'),
      mandateId,
      statusCode: statusCode!,
      at: at!,
      appointmentAt,
      comment,
      recordedAt: this.#stamp(),
    }
    book.statusEvents.push(event)
    return answer(201, {
      eventId: event.eventId,
      mandateId,
      statusCode: event.statusCode,
      mandateStatus: stored.wire.status,
      recordedAt: event.recordedAt,
    })
  }

  // Warranty requests

  submitWarrantyRequest(book: RepairerBook, body: unknown, polls: number | null): Reply {
    const check = new BodyCheck(body)
    check.string('jobReference')
    check.oneOf('requestType', ['REPAIR', 'EXCHANGE', 'SPARE_PARTS'])
    const reference = check.string('product.reference')
    check.string('product.manufacturer')
    check.string('product.brand')
    check.string('distributor.name')
    check.string('endUser.lastName')
    check.string('endUser.address.postcode')
    check.string('endUser.address.city')
    const serialNumber = check.string('appliance.serialNumber')
    const purchaseDate = check.date('appliance.purchaseDate')
    check.string('fault.description')
    const proof = check.value('purchaseProof')
    if (check.failed()) return check.reply()
    if (serialNumber === BLOCKED_SERIAL_NUMBER) {
      return refusal(
        422,
        'serial_blocked',
        'Numéro de série signalé au constructeur : demande refusée',
        [{ field: 'appliance.serialNumber', message: 'Numéro de série bloqué' }]
      )
    }

    const today = this.#stamp().slice(0, 10)
    const errors: FieldError[] = []
    if (!proof) {
      errors.push({ field: 'purchaseProof', message: "Preuve d'achat (facture) obligatoire" })
    }
    if (!this.seed.models.some((model) => model.reference === reference)) {
      errors.push({ field: 'product.reference', message: 'Référence produit inconnue' })
    }
    if (purchaseDate! > today) {
      errors.push({ field: 'appliance.purchaseDate', message: "Date d'achat dans le futur" })
    } else if (addMonths(purchaseDate!, this.seed.warrantyMonths) < today) {
      errors.push({
        field: 'appliance.purchaseDate',
        message: `Hors garantie constructeur (achat de plus de ${this.seed.warrantyMonths} mois)`,
      })
    }

    const checked = { status: errors.length ? 'INVALID' : 'VALID', errors } as const
    const pending = (polls ?? 0) > 0
    const request: StoredWarrantyRequest = {
      id: this.#id('DSS'),
      draft: body as Record<string, unknown>,
      status: pending ? 'PENDING' : checked.status,
      checked: { status: checked.status, errors },
      errors: pending ? [] : errors,
      pollsLeft: polls ?? 0,
      transmittedAt: null,
      paidAt: null,
      paidAmountCents: null,
      updatedAt: this.#stamp(),
    }
    book.warrantyRequests.set(request.id, request)
    return answer(201, warrantyWire(request))
  }

  warrantyRequest(book: RepairerBook, requestId: string): Reply {
    const request = book.warrantyRequests.get(requestId)
    if (!request) return notFound('Demande inconnue')
    if (request.status === 'PENDING' || request.status === 'TRANSMITTED') {
      request.pollsLeft = Math.max(0, request.pollsLeft - 1)
      if (request.pollsLeft === 0) {
        if (request.status === 'PENDING') {
          request.status = request.checked.status
          request.errors = request.checked.errors
        } else {
          request.status = 'PAID'
          request.paidAt = this.#stamp()
          request.paidAmountCents = this.seed.warrantyFlatFeeCents
        }
        request.updatedAt = this.#stamp()
      }
    }
    return answer(200, warrantyWire(request))
  }

  transmitWarrantyRequest(book: RepairerBook, requestId: string, polls: number | null): Reply {
    const request = book.warrantyRequests.get(requestId)
    if (!request) return notFound('Demande inconnue')
    if (request.status !== 'VALID') {
      return refusal(
        409,
        'not_transmittable',
        `Seule une demande valide peut être transmise (statut ${request.status})`,
        request.errors
      )
    }
    request.status = 'TRANSMITTED'
    request.transmittedAt = this.#stamp()
    request.updatedAt = request.transmittedAt
    request.pollsLeft = polls ?? this.seed.polls.payment
    return answer(200, warrantyWire(request))
  }

  // Claim reports

  submitClaimReport(book: RepairerBook, body: unknown, polls: number | null): Reply {
    const check = new BodyCheck(body)
    const fileRef = check.string('afterSalesFileRef')
    check.nullableString('warrantyRequestId')
    check.string('jobReference')
    check.date('repairedOn')
    check.string('iris.symptom')
    check.string('iris.defect')
    check.string('iris.repair')
    const parts = check.array('parts')
    parts.forEach((_, index) => {
      check.string(`parts.${index}.partNumber`)
      check.string(`parts.${index}.label`)
      check.integer(`parts.${index}.quantity`, 1)
      check.integer(`parts.${index}.unitPriceCents`, 0)
    })
    check.integer('labourMinutes', 0)
    const labourCents = check.integer('labourCents', 0)
    const travelCents = check.integer('travelCents', 0)
    if (check.failed()) return check.reply()

    const mandate = [...book.mandates.values()].find(
      (stored) => stored.afterSalesFileRef === fileRef
    )
    if (!mandate) {
      return refusal(422, 'unknown_file', 'Dossier SAV inconnu', [
        { field: 'afterSalesFileRef', message: 'Dossier SAV inconnu' },
      ])
    }
    if (mandate.wire.status !== 'CLOSED') {
      return refusal(409, 'file_not_closed', 'Le dossier doit être clôturé avant la demande')
    }
    const lines = parts as { partNumber: string; quantity: number; unitPriceCents: number }[]
    const claimedCents =
      lines.reduce((sum, line) => sum + line.quantity * line.unitPriceCents, 0) +
      labourCents! +
      travelCents!
    const unknownPart = lines.find((line) => !this.#part(line.partNumber))
    const decision: StoredClaim['decision'] =
      mandate.wire.warrantyType === 'OUT_OF_WARRANTY'
        ? { status: 'REJECTED', acceptedCents: 0, reason: 'Appareil hors garantie constructeur' }
        : unknownPart
          ? {
              status: 'TO_CORRECT',
              acceptedCents: null,
              reason: `Pièce inconnue du catalogue : ${unknownPart.partNumber}`,
            }
          : travelCents! > this.seed.travelCapCents
            ? {
                status: 'ACCEPTED',
                acceptedCents: claimedCents - (travelCents! - this.seed.travelCapCents),
                reason: `Déplacement plafonné à ${euros(this.seed.travelCapCents)}`,
              }
            : { status: 'ACCEPTED', acceptedCents: claimedCents, reason: null }
    const claim: StoredClaim = {
      id: this.#id('ISG'),
      report: body as Record<string, unknown>,
      status: 'SUBMITTED',
      decision,
      claimedCents,
      acceptedCents: null,
      reason: null,
      pollsLeft: polls ?? this.seed.polls.decision,
      updatedAt: this.#stamp(),
    }
    book.claimReports.set(claim.id, claim)
    return answer(201, claimWire(claim))
  }

  claimReport(book: RepairerBook, claimId: string): Reply {
    const claim = book.claimReports.get(claimId)
    if (!claim) return notFound('Demande de prise en charge inconnue')
    if (claim.status === 'SUBMITTED') {
      claim.pollsLeft = Math.max(0, claim.pollsLeft - 1)
      if (claim.pollsLeft === 0) {
        Object.assign(claim, claim.decision, { updatedAt: this.#stamp() })
      }
    }
    return answer(200, claimWire(claim))
  }

  // Parts

  #part(partNumber: string): SeedPart | undefined {
    return this.seed.parts.find((part) => part.partNumber === partNumber)
  }

  lookupParts(query: URLSearchParams): Reply {
    const numbers = (query.get('numbers') ?? '')
      .split(',')
      .map((number) => number.trim())
      .filter(Boolean)
    if (numbers.length === 0 || numbers.length > MAX_LOOKUP) {
      return refusal(400, 'invalid_request', `De 1 à ${MAX_LOOKUP} références`, [
        { field: 'numbers', message: `De 1 à ${MAX_LOOKUP} références séparées par des virgules` },
      ])
    }
    const found = numbers.map((number) => this.#part(number)).filter((part) => part !== undefined)
    return answer(200, {
      items: found.map(partWire),
      unknown: numbers.filter((number) => !this.#part(number)),
    })
  }

  orderParts(book: RepairerBook, body: unknown, polls: number | null, baseUrl: string): Reply {
    const check = new BodyCheck(body)
    const deliveryMode = check.oneOf('deliveryMode', ['REPAIR', 'STOCK'] as const)
    const jobReference = check.nullableString('jobReference')
    const afterSalesFileRef = check.nullableString('afterSalesFileRef')
    const lines = check.array('lines', 1)
    lines.forEach((_, index) => {
      check.string(`lines.${index}.partNumber`)
      check.integer(`lines.${index}.quantity`, 1, 99)
    })
    if (deliveryMode === 'REPAIR' && !jobReference) {
      check.problem('jobReference', 'Obligatoire pour une livraison « Réparation »')
    }
    if (check.failed()) return check.reply()
    const wanted = lines as { partNumber: string; quantity: number }[]
    const unknown = wanted
      .map((line, index) => ({ line, index }))
      .filter(({ line }) => !this.#part(line.partNumber))
    if (unknown.length) {
      return refusal(
        422,
        'unknown_part',
        'Référence(s) inconnue(s) du catalogue',
        unknown.map(({ line, index }) => ({
          field: `lines.${index}.partNumber`,
          message: `Référence inconnue : ${line.partNumber}`,
        }))
      )
    }
    const order: StoredOrder = {
      id: this.#id('CMD'),
      deliveryMode: deliveryMode!,
      jobReference,
      afterSalesFileRef,
      status: 'ANALYSING',
      lines: wanted.map((line) => ({
        partNumber: line.partNumber,
        quantity: line.quantity,
        outcome: null,
        supplierOrderRef: null,
        unitPriceCents: null,
        expectedOn: null,
        replacementProductRef: null,
        returnAuthorisation: null,
      })),
      pollsLeft: polls ?? this.seed.polls.decision,
      documentsBaseUrl: baseUrl,
      createdAt: this.#stamp(),
    }
    book.partsOrders.set(order.id, order)
    return answer(201, orderWire(order))
  }

  partsOrder(book: RepairerBook, orderId: string): Reply {
    const order = book.partsOrders.get(orderId)
    if (!order) return notFound('Commande inconnue')
    if (order.status === 'ANALYSING') {
      order.pollsLeft = Math.max(0, order.pollsLeft - 1)
      if (order.pollsLeft === 0) this.#answerOrder(order)
    }
    return answer(200, orderWire(order))
  }

  #answerOrder(order: StoredOrder) {
    order.status = 'ANSWERED'
    order.lines.forEach((line, index) => {
      const part = this.#part(line.partNumber)!
      line.outcome = part.orderOutcome
      switch (part.orderOutcome) {
        case 'ORDERED':
          line.supplierOrderRef = `${order.id}-${index + 1}`
          line.unitPriceCents = part.priceCents
          line.expectedOn = addDays(order.createdAt.slice(0, 10), part.deliveryDays ?? 5)
          break
        case 'REPLACEMENT_PRODUCT':
          line.supplierOrderRef = `${order.id}-${index + 1}`
          line.replacementProductRef = part.replacementProductRef ?? null
          line.expectedOn = addDays(order.createdAt.slice(0, 10), 5)
          break
        case 'RCA': {
          const number = `RCA-${order.id.slice(4)}-${index + 1}`
          line.returnAuthorisation = {
            number,
            url: `${order.documentsBaseUrl}/documents/rca/${number}`,
          }
          break
        }
      }
    })
  }

  /** The return authorisation as the portal would print it (plain text stands in for the PDF). */
  returnAuthorisationDocument(number: string) {
    for (const book of this.#books.values()) {
      for (const order of book.partsOrders.values()) {
        const line = order.lines.find(
          (candidate) => candidate.returnAuthorisation?.number === number
        )
        if (line) {
          return [
            `AUTORISATION DE RETOUR ${number}`,
            `Commande ${order.id} — référence ${line.partNumber} × ${line.quantity}`,
            'Renvoyer la pièce défectueuse avec ce document sous 15 jours.',
          ].join('\n')
        }
      }
    }
    return null
  }

  // Referentials

  referential(kind: string, query: URLSearchParams): Reply {
    switch (kind) {
      case 'brands':
        return paginate(this.seed.brands, query)
      case 'models':
        return paginate(this.seed.models, query)
      case 'parts':
        return paginate(this.seed.parts.map(partWire), query)
      case 'refusal-reasons':
        return paginate(this.seed.refusalReasons, query)
      default:
        return notFound('Référentiel inconnu')
    }
  }

  /** A fresh NEW mandate for a repairer, from the first seeded one with the given changes. */
  addMandate(repairerCode: string, changes: Partial<SeedMandate> = {}) {
    const template = this.seed.mandates.find((mandate) => mandate.status === 'NEW')!
    const wire: SeedMandate = {
      ...structuredClone(template),
      ...structuredClone(changes),
      id: changes.id ?? this.#id('MDT-SIM'),
      status: changes.status ?? 'NEW',
      createdAt: changes.createdAt ?? this.#stamp(),
    }
    this.book(repairerCode).mandates.set(wire.id, {
      wire,
      afterSalesFileRef: null,
      jobReference: null,
      refusal: null,
    })
    return wire
  }
}

function summarise(book: RepairerBook): RepairerSummary {
  const mandates: Record<string, number> = {}
  for (const { wire } of book.mandates.values()) {
    mandates[wire.status] = (mandates[wire.status] ?? 0) + 1
  }
  return {
    mandates,
    statusEvents: book.statusEvents.length,
    warrantyRequests: book.warrantyRequests.size,
    claimReports: book.claimReports.size,
    partsOrders: book.partsOrders.size,
    idempotencyKeys: book.idempotency.size,
  }
}

function partWire({ orderOutcome, replacementProductRef, ...part }: SeedPart) {
  return part
}

function warrantyWire(request: StoredWarrantyRequest) {
  return {
    id: request.id,
    status: request.status,
    errors: request.errors,
    transmittedAt: request.transmittedAt,
    paidAt: request.paidAt,
    paidAmountCents: request.paidAmountCents,
    updatedAt: request.updatedAt,
  }
}

function claimWire(claim: StoredClaim) {
  return {
    id: claim.id,
    status: claim.status,
    claimedCents: claim.claimedCents,
    acceptedCents: claim.acceptedCents,
    reason: claim.reason,
    updatedAt: claim.updatedAt,
  }
}

function orderWire(order: StoredOrder) {
  return { id: order.id, status: order.status, createdAt: order.createdAt, lines: order.lines }
}

function addMonths(isoDate: string, months: number) {
  const [year, month, day] = isoDate.split('-').map(Number)
  const date = new Date(Date.UTC(year, month - 1 + months, day))
  return date.toISOString().slice(0, 10)
}

function addDays(isoDate: string, days: number) {
  const date = new Date(`${isoDate}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

function euros(cents: number) {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')} €`
}
