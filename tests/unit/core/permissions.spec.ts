import { test } from '@japa/runner'
import { can, PERMISSIONS, type Permission } from '#core/domain/permissions'
import { isOperatorRole, OPERATOR_ROLES, TENANT_ROLES } from '#core/domain/roles'
import { canSignIn, TENANT_STATUSES } from '#core/domain/tenant_status'

/** The expected matrix, written out in full: a change to PERMISSIONS must change this table too. */
const MATRIX: Record<string, Record<Permission, boolean>> = {
  manager: {
    'staff.view': true,
    'staff.manage': true,
    'seats.manage': true,
    'referentials.view': true,
    'referentials.manage': true,
    'personal_data.manage': true,
    'data.import': true,
    'data.export': true,
    'prices.manage': true,
    'vat_rates.view': true,
    'vat_rates.manage': false,
    'tenants.view': false,
    'tenants.manage': false,
    'audit.view': false,
    'jobs.view': true,
    'jobs.manage': true,
    'planning.manage': true,
    'portal.manage': true,
    'documents.manage': true,
    'counter.sell': true,
    'register.view': true,
    'register.close': true,
    'register.archive': true,
    'invoices.view': true,
    'invoices.manage': true,
    'invoicing.settings': true,
    'payments.view': true,
    'payments.manage': true,
  },
  receptionist: {
    'staff.view': false,
    'staff.manage': false,
    'seats.manage': false,
    'referentials.view': true,
    'referentials.manage': true,
    'personal_data.manage': false,
    'data.import': false,
    'data.export': false,
    'prices.manage': false,
    'vat_rates.view': true,
    'vat_rates.manage': false,
    'tenants.view': false,
    'tenants.manage': false,
    'audit.view': false,
    'jobs.view': true,
    'jobs.manage': true,
    'planning.manage': true,
    'portal.manage': true,
    'documents.manage': false,
    'counter.sell': true,
    'register.view': true,
    'register.close': true,
    'register.archive': false,
    'invoices.view': true,
    'invoices.manage': true,
    'invoicing.settings': false,
    'payments.view': true,
    'payments.manage': true,
  },
  technician: {
    'staff.view': false,
    'staff.manage': false,
    'seats.manage': false,
    'referentials.view': true,
    'referentials.manage': false,
    'personal_data.manage': false,
    'data.import': false,
    'data.export': false,
    'prices.manage': false,
    'vat_rates.view': true,
    'vat_rates.manage': false,
    'tenants.view': false,
    'tenants.manage': false,
    'audit.view': false,
    'jobs.view': true,
    'jobs.manage': true,
    'planning.manage': false,
    'portal.manage': false,
    'documents.manage': false,
    'counter.sell': false,
    'register.view': false,
    'register.close': false,
    'register.archive': false,
    'invoices.view': false,
    'invoices.manage': false,
    'invoicing.settings': false,
    'payments.view': false,
    'payments.manage': false,
  },
  accountant: {
    'staff.view': false,
    'staff.manage': false,
    'seats.manage': false,
    'referentials.view': true,
    'referentials.manage': false,
    'personal_data.manage': false,
    'data.import': false,
    'data.export': true,
    'prices.manage': false,
    'vat_rates.view': true,
    'vat_rates.manage': false,
    'tenants.view': false,
    'tenants.manage': false,
    'audit.view': false,
    'jobs.view': true,
    'jobs.manage': false,
    'planning.manage': false,
    'portal.manage': false,
    'documents.manage': false,
    'counter.sell': false,
    'register.view': true,
    'register.close': false,
    'register.archive': true,
    'invoices.view': true,
    'invoices.manage': false,
    'invoicing.settings': false,
    'payments.view': true,
    'payments.manage': true,
  },
  operator_admin: {
    'staff.view': false,
    'staff.manage': false,
    'seats.manage': false,
    'referentials.view': false,
    'referentials.manage': false,
    'personal_data.manage': false,
    'data.import': false,
    'data.export': false,
    'prices.manage': false,
    'vat_rates.view': true,
    'vat_rates.manage': true,
    'tenants.view': true,
    'tenants.manage': true,
    'audit.view': true,
    'jobs.view': false,
    'jobs.manage': false,
    'planning.manage': false,
    'portal.manage': false,
    'documents.manage': false,
    'counter.sell': false,
    'register.view': false,
    'register.close': false,
    'register.archive': false,
    'invoices.view': false,
    'invoices.manage': false,
    'invoicing.settings': false,
    'payments.view': false,
    'payments.manage': false,
  },
  operator_support: {
    'staff.view': false,
    'staff.manage': false,
    'seats.manage': false,
    'referentials.view': false,
    'referentials.manage': false,
    'personal_data.manage': false,
    'data.import': false,
    'data.export': false,
    'prices.manage': false,
    'vat_rates.view': true,
    'vat_rates.manage': false,
    'tenants.view': true,
    'tenants.manage': false,
    'audit.view': true,
    'jobs.view': false,
    'jobs.manage': false,
    'planning.manage': false,
    'portal.manage': false,
    'documents.manage': false,
    'counter.sell': false,
    'register.view': false,
    'register.close': false,
    'register.archive': false,
    'invoices.view': false,
    'invoices.manage': false,
    'invoicing.settings': false,
    'payments.view': false,
    'payments.manage': false,
  },
}

const TENANT_PERMISSIONS: Permission[] = ['staff.view', 'staff.manage', 'seats.manage']

test.group('can: the role matrix', () => {
  test('the matrix covers every role and every permission', ({ assert }) => {
    assert.sameMembers(Object.keys(MATRIX), [...TENANT_ROLES, ...OPERATOR_ROLES])
    for (const role of Object.keys(MATRIX))
      assert.sameMembers(Object.keys(MATRIX[role]), Object.keys(PERMISSIONS), role)
  })

  test('{role}')
    .with(Object.entries(MATRIX).map(([role, expected]) => ({ role, expected })))
    .run(({ assert }, { role, expected }) => {
      const actual = Object.fromEntries(
        Object.keys(expected).map((permission) => [permission, can(role, permission as Permission)])
      )
      assert.deepEqual(actual, expected)
    })

  test('a technician cannot manage staff', ({ assert }) => {
    assert.isFalse(can('technician', 'staff.manage'))
  })

  test('only managers manage seats', ({ assert }) => {
    const allowed = [...TENANT_ROLES, ...OPERATOR_ROLES].filter((role) => can(role, 'seats.manage'))
    assert.deepEqual(allowed, ['manager'])
  })

  test('operator roles have no tenant permission', ({ assert }) => {
    for (const role of OPERATOR_ROLES) {
      for (const permission of TENANT_PERMISSIONS)
        assert.isFalse(can(role, permission), `${role} ${permission}`)
    }
  })

  test('tenant roles have no operator permission', ({ assert }) => {
    for (const role of TENANT_ROLES) {
      for (const permission of ['tenants.view', 'tenants.manage', 'audit.view'] as Permission[]) {
        assert.isFalse(can(role, permission), `${role} ${permission}`)
      }
    }
  })

  test('every staff member reads VAT rates; only an operator admin changes them', ({ assert }) => {
    const roles = [...TENANT_ROLES, ...OPERATOR_ROLES]
    assert.sameMembers(
      roles.filter((role) => can(role, 'vat_rates.view')),
      roles
    )
    assert.deepEqual(
      roles.filter((role) => can(role, 'vat_rates.manage')),
      ['operator_admin']
    )
  })

  test('only managers change prices', ({ assert }) => {
    const allowed = [...TENANT_ROLES, ...OPERATOR_ROLES].filter((role) =>
      can(role, 'prices.manage')
    )
    assert.deepEqual(allowed, ['manager'])
  })

  test('operator_support sees tenants but cannot manage them', ({ assert }) => {
    assert.isTrue(can('operator_support', 'tenants.view'))
    assert.isFalse(can('operator_support', 'tenants.manage'))
    assert.isTrue(can('operator_admin', 'tenants.manage'))
  })

  test('an unknown role ({role}) has no permission at all')
    .with([
      { role: '' },
      { role: 'admin' },
      { role: 'Manager' },
      { role: 'MANAGER' },
      { role: ' manager' },
      { role: 'operator' },
    ])
    .run(({ assert }, { role }) => {
      for (const permission of Object.keys(PERMISSIONS) as Permission[])
        assert.isFalse(can(role, permission), permission)
    })
})

test.group('isOperatorRole', () => {
  test('{role} → {expected}')
    .with([
      { role: 'operator_admin', expected: true },
      { role: 'operator_support', expected: true },
      { role: 'manager', expected: false },
      { role: 'receptionist', expected: false },
      { role: 'technician', expected: false },
      { role: 'accountant', expected: false },
      { role: 'operator', expected: false },
      { role: 'Operator_admin', expected: false },
      { role: 'operator_admin ', expected: false },
      { role: '', expected: false },
    ])
    .run(({ assert }, { role, expected }) => {
      assert.strictEqual(isOperatorRole(role), expected)
    })

  test('tenant and operator roles do not overlap', ({ assert }) => {
    for (const role of TENANT_ROLES) assert.isFalse(isOperatorRole(role), role)
    for (const role of OPERATOR_ROLES) assert.isTrue(isOperatorRole(role), role)
  })
})

test.group('canSignIn', () => {
  test('{status} → {expected}')
    .with([
      { status: 'trial', expected: true },
      { status: 'active', expected: true },
      { status: 'blocked', expected: false },
      { status: 'terminated', expected: false },
    ] as const)
    .run(({ assert }, { status, expected }) => {
      assert.strictEqual(canSignIn(status), expected)
    })

  test('the table above covers every status', ({ assert }) => {
    assert.sameMembers([...TENANT_STATUSES], ['trial', 'active', 'blocked', 'terminated'])
  })
})
