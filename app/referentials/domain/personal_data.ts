/**
 * Personal data of a customer (GDPR): what an access request returns and what erasure removes.
 * Erasure keeps what is not personal and what later documents with legal weight need: the kind,
 * a company's name and SIRET, the postcode and city (zones, statistics), appliances' models and
 * serial numbers (warranty history); it clears names, contacts, street address and free notes.
 * Site addresses stay as rows (later jobs point at them) with only their postcode and city; the
 * extra contacts are deleted.
 */
export const ERASED_NAME = 'Anonyme'

export function erasedCustomerValues(kind: 'person' | 'company') {
  return {
    civility: null,
    first_name: null,
    last_name: kind === 'person' ? ERASED_NAME : null,
    email: null,
    phone: null,
    mobile: null,
    address_line1: null,
    address_line2: null,
    notes: null,
    marketing_consent: false,
  }
}

export const erasedApplianceValues = { notes: null }

export const erasedSiteValues = {
  label: ERASED_NAME,
  address_line1: '—',
  address_line2: null,
  contact_name: null,
  contact_phone: null,
  access_notes: null,
}
