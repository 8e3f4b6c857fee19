import { APPLIANCE_TYPES } from '#referentials/domain/appliance_types'
import { VAT_CODES } from '#referentials/domain/vat_rates'
import { warrantyEnd } from '#referentials/domain/warranty'
import type { Column, ColumnType, Format, ImportKind } from '#data_portability/domain/format'
import {
  requiredOrOther,
  requiredWhen,
  requiredWith,
  requires,
} from '#data_portability/domain/rules'

/** The values the articles table accepts (its check constraints, migration 0007). */
export const ARTICLE_KINDS = [
  'spare_part',
  'accessory',
  'consumable',
  'appliance',
  'service',
] as const
export const ARTICLE_UNITS = ['piece', 'hour', 'metre', 'litre', 'kilogram', 'kit'] as const

const text = (max: number): ColumnType => ({ kind: 'text', max })
const boolean: ColumnType = { kind: 'boolean' }
const archived: Column = {
  name: 'archived',
  type: boolean,
  example: '0',
  description: {
    fr: '1 si la fiche est archivée (masquée des listes), 0 sinon.',
    en: '1 when the record is archived (hidden from lists), 0 otherwise.',
  },
}
const notes: Column = {
  name: 'notes',
  type: text(2000),
  example: '',
  description: { fr: 'Notes libres.', en: 'Free notes.' },
}

function address(prefix: { fr: string; en: string }): Column[] {
  return [
    {
      name: 'address_line1',
      type: text(160),
      example: '12 rue de la République',
      description: { fr: `Adresse ${prefix.fr}.`, en: `${prefix.en} street address.` },
    },
    {
      name: 'address_line2',
      type: text(160),
      example: 'Bâtiment B',
      description: { fr: "Complément d'adresse.", en: 'Address line 2.' },
    },
    {
      name: 'postcode',
      type: { kind: 'postcode' },
      example: '69003',
      description: {
        fr: 'Code postal à 5 chiffres (4 chiffres : le zéro initial supprimé par le tableur est rétabli).',
        en: '5-digit postcode (4 digits: the leading zero a spreadsheet dropped is put back).',
      },
    },
    {
      name: 'city',
      type: text(80),
      example: 'Lyon',
      description: { fr: 'Ville.', en: 'City.' },
    },
  ]
}

const externalRef = (who: { fr: string; en: string }, example: string): Column => ({
  name: 'external_ref',
  type: text(40),
  required: true,
  example,
  description: {
    fr: `Référence ${who.fr} dans votre logiciel précédent : la clé de mise à jour (réimporter la même référence met la fiche à jour). À l'export, une fiche sans référence porte son identifiant Agoserve.`,
    en: `Reference of the ${who.en} in your previous software: the update key (importing the same reference again updates the record). On export, a record without one carries its Agoserve id.`,
  },
})

/** The customer a site or a contact belongs to, by the key of the customers file. */
const customerRef: Column = {
  name: 'customer_ref',
  type: text(40),
  required: true,
  example: 'C-00042',
  description: {
    fr: "external_ref du client (fichier clients ; l'identifiant Agoserve d'un client exporté sans référence).",
    en: "The customer's external_ref (customers file; the Agoserve id of a customer exported without one).",
  },
}

const country: Column = {
  name: 'country',
  type: { kind: 'country' },
  example: 'FR',
  description: {
    fr: 'Code pays ISO à 2 lettres (FR par défaut).',
    en: '2-letter ISO country code (FR by default).',
  },
}

const customers: Format = {
  kind: 'customers',
  order: 2,
  label: { fr: 'Clients', en: 'Customers' },
  description: {
    fr: 'Particuliers et entreprises, avec adresse de facturation et coordonnées.',
    en: 'People and companies, with their billing address and contact details.',
  },
  key: ['external_ref'],
  rowRules: [
    requiredWhen('last_name', 'kind', 'person'),
    requiredWhen('company_name', 'kind', 'company'),
  ],
  columns: [
    externalRef({ fr: 'du client', en: 'customer' }, 'C-00042'),
    {
      name: 'kind',
      type: { kind: 'choice', values: ['person', 'company'] },
      required: true,
      example: 'person',
      description: {
        fr: 'person (particulier) ou company (entreprise).',
        en: 'person or company.',
      },
    },
    {
      name: 'civility',
      type: { kind: 'choice', values: ['mr', 'mrs'] },
      example: 'mrs',
      description: { fr: 'mr (M.) ou mrs (Mme).', en: 'mr or mrs.' },
    },
    {
      name: 'last_name',
      type: text(80),
      example: 'Dupont',
      description: {
        fr: 'Nom ; obligatoire pour un particulier.',
        en: 'Last name; required for a person.',
      },
    },
    {
      name: 'first_name',
      type: text(80),
      example: 'Jeanne',
      description: { fr: 'Prénom.', en: 'First name.' },
    },
    {
      name: 'company_name',
      type: text(160),
      example: '',
      description: {
        fr: 'Raison sociale ; obligatoire pour une entreprise.',
        en: 'Company name; required for a company.',
      },
    },
    {
      name: 'siret',
      type: { kind: 'siret' },
      example: '',
      description: {
        fr: 'SIRET (14 chiffres, espaces admis).',
        en: 'SIRET (14 digits, spaces allowed).',
      },
    },
    {
      name: 'vat_number',
      type: { kind: 'vat_number' },
      example: '',
      description: { fr: 'N° de TVA intracommunautaire.', en: 'EU VAT number.' },
    },
    {
      name: 'email',
      type: { kind: 'email' },
      example: 'jeanne.dupont@example.fr',
      description: { fr: 'Adresse e-mail.', en: 'E-mail address.' },
    },
    {
      name: 'phone',
      type: { kind: 'phone' },
      example: '04 78 12 34 56',
      description: {
        fr: 'Téléphone français sous toute forme usuelle (04 78…, +33 4 78…).',
        en: 'French phone number in any usual form (04 78…, +33 4 78…).',
      },
    },
    {
      name: 'mobile',
      type: { kind: 'phone' },
      example: '06 12 34 56 78',
      description: { fr: 'Téléphone mobile.', en: 'Mobile phone.' },
    },
    ...address({ fr: 'de facturation', en: 'Billing' }),
    country,
    {
      name: 'payment_terms_days',
      type: { kind: 'integer', min: 0, max: 60 },
      example: '0',
      description: {
        fr: 'Délai de paiement en jours (0 à 60 ; 0 = à réception).',
        en: 'Payment terms in days (0 to 60; 0 = on receipt).',
      },
    },
    {
      name: 'marketing_consent',
      type: boolean,
      example: '0',
      description: {
        fr: '1 si le client accepte les communications commerciales.',
        en: '1 when the customer accepts marketing messages.',
      },
    },
    {
      name: 'category_code',
      type: text(20),
      example: '',
      description: {
        fr: "Code de la catégorie tarifaire ; créée (nommée d'après son code) si elle n'existe pas.",
        en: 'Code of the price category; created (named after its code) when missing.',
      },
    },
    notes,
    archived,
  ],
}

const suppliers: Format = {
  kind: 'suppliers',
  order: 1,
  label: { fr: 'Fournisseurs', en: 'Suppliers' },
  description: {
    fr: 'Grossistes et services pièces des fabricants, avec votre n° de compte et le contact commandes.',
    en: "Wholesalers and makers' spare-parts services, with your account number and order contact.",
  },
  key: ['external_ref'],
  unique: [['name']],
  columns: [
    externalRef({ fr: 'du fournisseur', en: 'supplier' }, 'F-007'),
    {
      name: 'name',
      type: text(160),
      required: true,
      example: 'Pièces Express',
      description: {
        fr: 'Nom (unique) ; les articles désignent leur fournisseur par ce nom.',
        en: 'Name (unique); articles name their supplier by it.',
      },
    },
    {
      name: 'account_number',
      type: text(40),
      example: 'CL-1234',
      description: {
        fr: 'Votre n° de compte chez ce fournisseur.',
        en: 'Your account number with this supplier.',
      },
    },
    {
      name: 'order_contact_name',
      type: text(120),
      example: 'Paul Martin',
      description: { fr: 'Contact pour les commandes.', en: 'Order contact.' },
    },
    {
      name: 'order_email',
      type: { kind: 'email' },
      example: 'commandes@pieces-express.fr',
      description: { fr: 'E-mail des commandes.', en: 'Order e-mail.' },
    },
    {
      name: 'order_phone',
      type: { kind: 'phone' },
      example: '01 23 45 67 89',
      description: { fr: 'Téléphone des commandes.', en: 'Order phone.' },
    },
    {
      name: 'website',
      type: { kind: 'url', max: 200 },
      example: 'https://www.pieces-express.fr',
      description: { fr: 'Site web (http:// ou https://).', en: 'Website (http:// or https://).' },
    },
    ...address({ fr: 'du fournisseur', en: "Supplier's" }),
    {
      name: 'siret',
      type: { kind: 'siret' },
      example: '73282932000074',
      description: { fr: 'SIRET (14 chiffres).', en: 'SIRET (14 digits).' },
    },
    {
      name: 'agora_partner',
      type: boolean,
      example: '0',
      description: {
        fr: '1 si fournisseur partenaire AGORA.',
        en: '1 for an AGORA partner supplier.',
      },
    },
    notes,
    archived,
  ],
}

const customerSites: Format = {
  kind: 'customer_sites',
  order: 3,
  label: { fr: "Adresses d'intervention", en: 'Customer sites' },
  description: {
    fr: "Adresses où intervenir quand ce n'est pas l'adresse de facturation du client (logement loué, résidence secondaire), avec le contact sur place. Importer les clients avant.",
    en: "Addresses to work at when not the customer's billing address (a rented flat, a holiday home), with the contact on site. Import the customers first.",
  },
  key: ['external_ref'],
  columns: [
    externalRef({ fr: "de l'adresse", en: 'site' }, 'S-00007'),
    customerRef,
    {
      name: 'label',
      type: text(80),
      required: true,
      example: 'Résidence secondaire',
      description: {
        fr: "Nom de l'adresse (Résidence secondaire, Appartement loué…).",
        en: 'Name of the site (Holiday home, Rented flat…).',
      },
    },
    ...address({ fr: "de l'intervention", en: 'Site' }).map((column) =>
      column.name === 'address_line2' ? column : { ...column, required: true }
    ),
    country,
    {
      name: 'contact_name',
      type: text(120),
      example: 'Marc Dupont',
      description: { fr: 'Contact sur place.', en: 'Contact on site.' },
    },
    {
      name: 'contact_phone',
      type: { kind: 'phone' },
      example: '06 98 76 54 32',
      description: {
        fr: 'Téléphone du contact sur place (toute forme française usuelle).',
        en: 'Phone of the contact on site (any usual French form).',
      },
    },
    {
      name: 'access_notes',
      type: text(2000),
      example: 'Code portail 1234',
      description: {
        fr: "Consignes d'accès (digicode, clés, étage…).",
        en: 'Access instructions (door code, keys, floor…).',
      },
    },
    archived,
  ],
}

const customerContacts: Format = {
  kind: 'customer_contacts',
  order: 4,
  label: { fr: 'Autres contacts des clients', en: 'Other customer contacts' },
  description: {
    fr: "Téléphones et e-mails supplémentaires d'un client (travail, un proche qui suit la réparation) ; une ligne a un téléphone, un e-mail ou les deux. Importer les clients avant.",
    en: "A customer's further phones and e-mails (work, a relative who handles the repair); a row has a phone, an e-mail or both. Import the customers first.",
  },
  key: ['external_ref'],
  rowRules: [requiredOrOther('phone', 'email')],
  columns: [
    externalRef({ fr: 'du contact', en: 'contact' }, 'K-00003'),
    customerRef,
    {
      name: 'label',
      type: text(80),
      required: true,
      example: 'Travail',
      description: {
        fr: 'Libellé (Travail, Fille — suit la réparation…).',
        en: 'Label (Work, Daughter — handles the repair…).',
      },
    },
    {
      name: 'phone',
      type: { kind: 'phone' },
      example: '04 72 00 11 22',
      description: {
        fr: 'Téléphone (toute forme française usuelle) ; obligatoire sans e-mail.',
        en: 'Phone (any usual French form); required without an e-mail.',
      },
    },
    {
      name: 'email',
      type: { kind: 'email' },
      example: 'jeanne.dupont@travail.example.fr',
      description: {
        fr: 'Adresse e-mail ; obligatoire sans téléphone.',
        en: 'E-mail address; required without a phone.',
      },
    },
    notes,
    archived,
  ],
}

const appliances: Format = {
  kind: 'appliances',
  order: 5,
  label: { fr: 'Appareils, marques et modèles', en: 'Appliances, brands and models' },
  description: {
    fr: 'Un fichier pour le catalogue (fabricants, marques, modèles, désignés par leur nom et leur référence) et les appareils des clients. Une ligne sans external_ref ne décrit que le catalogue ; sans model_reference, que la marque ; sans brand, que le fabricant.',
    en: 'One file for the catalogue (manufacturers, brands, models, named by name and reference) and the customers’ appliances. A row without external_ref describes the catalogue only; without model_reference, the brand only; without brand, the manufacturer only.',
  },
  key: ['external_ref'],
  computed: [
    {
      column: 'warranty_end',
      from: 'purchase_date',
      compute(row, context) {
        if (typeof row.purchase_date !== 'string') return null
        const months =
          typeof row.brand_warranty_months === 'number'
            ? row.brand_warranty_months
            : (context.brandWarrantyMonths.get(String(row.brand).toLowerCase()) ?? 24)
        return warrantyEnd(row.purchase_date, months)
      },
    },
  ],
  shared: [
    { key: ['manufacturer'], attributes: ['manufacturer_website', 'manufacturer_agora_code'] },
    { key: ['brand'], attributes: ['manufacturer', 'brand_warranty_months'] },
    { key: ['brand', 'model_reference'], attributes: ['appliance_type', 'commercial_name', 'ean'] },
  ],
  rowRules: [
    requires('brand', 'manufacturer'),
    requires('brand_warranty_months', 'brand'),
    requires('model_reference', 'brand'),
    requiredWith('appliance_type', 'model_reference'),
    ...['appliance_type', 'commercial_name', 'ean'].map((column) =>
      requires(column, 'model_reference')
    ),
    requires('external_ref', 'model_reference'),
    requiredWith('customer_ref', 'external_ref'),
    ...[
      'customer_ref',
      'serial_number',
      'purchase_date',
      'purchase_shop',
      'warranty_end',
      'extended_warranty_provider',
      'extended_warranty_end',
      'notes',
      'archived',
    ].map((column) => requires(column, 'external_ref')),
  ],
  columns: [
    {
      name: 'manufacturer',
      type: text(120),
      required: true,
      example: 'BSH',
      description: {
        fr: "Fabricant (groupe) ; créé s'il n'existe pas (nom sans distinction de casse).",
        en: 'Manufacturer (group); created when missing (name, case ignored).',
      },
    },
    {
      name: 'manufacturer_website',
      type: { kind: 'url', max: 200 },
      example: '',
      description: { fr: 'Site web du fabricant.', en: "Manufacturer's website." },
    },
    {
      name: 'manufacturer_agora_code',
      type: text(40),
      example: '',
      description: {
        fr: 'Code du fabricant sur le portail AGORA.',
        en: "Manufacturer's code on the AGORA portal.",
      },
    },
    {
      name: 'brand',
      type: text(120),
      example: 'Bosch',
      description: {
        fr: "Marque ; créée si elle n'existe pas.",
        en: 'Brand; created when missing.',
      },
    },
    {
      name: 'brand_warranty_months',
      type: { kind: 'integer', min: 0, max: 240 },
      example: '24',
      description: {
        fr: 'Garantie constructeur de la marque, en mois (24 si vide).',
        en: "The brand's manufacturer warranty in months (24 when empty).",
      },
    },
    {
      name: 'model_reference',
      type: text(80),
      example: 'WAN28209FF',
      description: {
        fr: "Référence du modèle (unique par marque) ; créé s'il n'existe pas.",
        en: 'Model reference (unique per brand); created when missing.',
      },
    },
    {
      name: 'appliance_type',
      type: { kind: 'choice', values: APPLIANCE_TYPES },
      example: 'washing_machine',
      description: {
        fr: `Type d'appareil, obligatoire avec un modèle : ${APPLIANCE_TYPES.join(', ')}.`,
        en: `Appliance type, required with a model: ${APPLIANCE_TYPES.join(', ')}.`,
      },
    },
    {
      name: 'commercial_name',
      type: text(160),
      example: 'Serie 4 Lave-linge 8 kg',
      description: { fr: 'Nom commercial du modèle.', en: "The model's commercial name." },
    },
    {
      name: 'ean',
      type: { kind: 'ean' },
      example: '4242005189410',
      description: {
        fr: 'Code EAN-13 du modèle (clé de contrôle vérifiée).',
        en: "The model's EAN-13 (check digit verified).",
      },
    },
    {
      name: 'external_ref',
      type: text(40),
      example: 'A-00017',
      description: {
        fr: "Référence de l'appareil du client : la clé de mise à jour. Vide : la ligne ne décrit que le catalogue.",
        en: "Reference of the customer's appliance: the update key. Empty: the row describes the catalogue only.",
      },
    },
    {
      name: 'customer_ref',
      type: text(40),
      example: 'C-00042',
      description: {
        fr: 'external_ref du client propriétaire (fichier clients), obligatoire avec un appareil.',
        en: "The owner's external_ref (customers file), required with an appliance.",
      },
    },
    {
      name: 'serial_number',
      type: { kind: 'text', max: 60, upper: true },
      example: 'FD9604 012345',
      description: {
        fr: 'Numéro de série (mis en majuscules).',
        en: 'Serial number (upper-cased).',
      },
    },
    {
      name: 'purchase_date',
      type: { kind: 'date' },
      example: '15/03/2024',
      description: {
        fr: "Date d'achat (jj/mm/aaaa ou aaaa-mm-jj).",
        en: 'Purchase date (dd/mm/yyyy or yyyy-mm-dd).',
      },
    },
    {
      name: 'purchase_shop',
      type: text(120),
      example: 'Darty Lyon',
      description: { fr: "Magasin d'achat.", en: 'Shop it was bought from.' },
    },
    {
      name: 'warranty_end',
      type: { kind: 'date' },
      example: '',
      description: {
        fr: "Fin de garantie constructeur ; vide : calculée depuis la date d'achat et la garantie de la marque.",
        en: "End of the manufacturer's warranty; empty: computed from the purchase date and the brand's warranty.",
      },
    },
    {
      name: 'extended_warranty_provider',
      type: text(120),
      example: '',
      description: { fr: "Organisme d'extension de garantie.", en: 'Extended warranty provider.' },
    },
    {
      name: 'extended_warranty_end',
      type: { kind: 'date' },
      example: '',
      description: { fr: "Fin de l'extension de garantie.", en: 'End of the extended warranty.' },
    },
    notes,
    archived,
  ],
}

const articles: Format = {
  kind: 'articles',
  order: 6,
  label: { fr: 'Articles et pièces', en: 'Articles and parts' },
  description: {
    fr: 'Articles et pièces détachées : prix, TVA, éco-participation, unité, stock simple, famille, marque, fournisseur préféré et remplacement. Importer les fournisseurs et les marques (fichier appareils) avant.',
    en: 'Articles and spare parts: prices, VAT, eco-participation, unit, simple stock, family, brand, preferred supplier and replacement. Import suppliers and brands (appliances file) first.',
  },
  key: ['sku'],
  keyIgnoresCase: true,
  shared: [{ key: ['family_code'], attributes: ['family_name'] }],
  rowRules: [
    requires('family_name', 'family_code'),
    requires('supplier_reference', 'supplier_name'),
    requires('purchase_price', 'supplier_name'),
    requiredWith('purchase_price', 'supplier_name'),
    {
      column: 'superseded_by_sku',
      check: (row) =>
        typeof row.superseded_by_sku === 'string' &&
        typeof row.sku === 'string' &&
        row.superseded_by_sku.toLowerCase() === row.sku.toLowerCase()
          ? { code: 'superseded_by_itself' }
          : null,
    },
  ],
  columns: [
    {
      name: 'sku',
      type: text(40),
      required: true,
      example: 'PMP-00123',
      description: {
        fr: 'Code article (unique, sans distinction de casse) : la clé de mise à jour.',
        en: 'Article code (unique, case ignored): the update key.',
      },
    },
    {
      name: 'label',
      type: text(200),
      required: true,
      example: 'Pompe de vidange',
      description: { fr: 'Désignation.', en: 'Label.' },
    },
    {
      name: 'manufacturer_part_number',
      type: text(60),
      example: '00145787',
      description: { fr: 'Référence fabricant de la pièce.', en: "The maker's part number." },
    },
    {
      name: 'kind',
      type: { kind: 'choice', values: ARTICLE_KINDS },
      example: 'spare_part',
      description: {
        fr: `Nature (spare_part si vide) : ${ARTICLE_KINDS.join(', ')}.`,
        en: `Kind (spare_part when empty): ${ARTICLE_KINDS.join(', ')}.`,
      },
    },
    {
      name: 'family_code',
      type: text(20),
      example: 'POMPES',
      description: {
        fr: "Code de la famille d'articles ; créée si elle n'existe pas.",
        en: 'Article family code; created when missing.',
      },
    },
    {
      name: 'family_name',
      type: text(80),
      example: 'Pompes',
      description: {
        fr: 'Nom de la famille (son code si vide à la création).',
        en: "The family's name (its code when empty on creation).",
      },
    },
    {
      name: 'brand',
      type: text(120),
      example: 'Bosch',
      description: {
        fr: 'Marque (doit exister : fichier appareils).',
        en: 'Brand (must exist: appliances file).',
      },
    },
    {
      name: 'sale_price',
      type: { kind: 'money' },
      example: '45,90',
      description: { fr: 'Prix de vente HT en euros.', en: 'Sale price excl. VAT, in euros.' },
    },
    {
      name: 'fixed_price',
      type: boolean,
      example: '0',
      description: {
        fr: '1 : prix de vente propre à l’article ; 0 : calculé par la grille tarifaire.',
        en: "1: the article's own sale price; 0: computed by the price grid.",
      },
    },
    {
      name: 'vat_code',
      type: { kind: 'choice', values: VAT_CODES },
      example: 'normal',
      description: {
        fr: `Code de TVA (normal si vide) : ${VAT_CODES.join(', ')}.`,
        en: `VAT code (normal when empty): ${VAT_CODES.join(', ')}.`,
      },
    },
    {
      name: 'eco_participation',
      type: { kind: 'money' },
      example: '0,50',
      description: { fr: 'Éco-participation en euros.', en: 'Eco-participation in euros.' },
    },
    {
      name: 'unit',
      type: { kind: 'choice', values: ARTICLE_UNITS },
      example: 'piece',
      description: {
        fr: `Unité (piece si vide) : ${ARTICLE_UNITS.join(', ')}.`,
        en: `Unit (piece when empty): ${ARTICLE_UNITS.join(', ')}.`,
      },
    },
    {
      name: 'stock_quantity',
      type: { kind: 'quantity', scale: 3 },
      example: '3',
      description: {
        fr: 'Quantité en stock (3 décimales au plus).',
        en: 'Quantity in stock (at most 3 decimals).',
      },
    },
    {
      name: 'active',
      type: boolean,
      example: '1',
      description: {
        fr: '0 pour un article qui ne se vend plus (1 si vide).',
        en: '0 for an article no longer sold (1 when empty).',
      },
    },
    {
      name: 'supplier_name',
      type: text(160),
      example: 'Pièces Express',
      description: {
        fr: 'Fournisseur préféré, par son nom (doit exister : fichier fournisseurs).',
        en: 'Preferred supplier, by name (must exist: suppliers file).',
      },
    },
    {
      name: 'supplier_reference',
      type: text(60),
      example: 'PE-778812',
      description: {
        fr: 'Référence de la pièce chez ce fournisseur.',
        en: "The part's reference at that supplier.",
      },
    },
    {
      name: 'purchase_price',
      type: { kind: 'money' },
      example: '27,35',
      description: {
        fr: "Prix d'achat HT chez ce fournisseur, obligatoire avec un fournisseur.",
        en: 'Purchase price excl. VAT from that supplier, required with a supplier.',
      },
    },
    {
      name: 'superseded_by_sku',
      type: text(40),
      example: '',
      description: {
        fr: "Code de l'article qui remplace celui-ci (dans le fichier ou déjà connu).",
        en: 'Code of the article that replaces this one (in the file or already known).',
      },
    },
    notes,
    archived,
  ],
}

/** Every format, in the order their files are imported (a file may name rows of the ones before). */
export const FORMATS: readonly Format[] = [
  suppliers,
  customers,
  customerSites,
  customerContacts,
  appliances,
  articles,
].sort((a, b) => a.order - b.order)

export function formatFor(kind: ImportKind): Format {
  return FORMATS.find((format) => format.kind === kind)!
}
