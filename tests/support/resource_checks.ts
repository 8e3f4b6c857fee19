import type { Assert } from '@japa/assert'
import type { WebClient } from '#tests/support/web_client'
import { ownerDb } from '#tests/support/mothers'

/**
 * Every route of a resource that takes an id answers 404 for another tenant's record (pages,
 * update, archive, restore, row actions), and its CSV export never lists it. `update` is a valid
 * form for the resource, so that the 404 comes from the record and not from validation. A bulk
 * archive naming it changes nothing.
 */
export async function assertHiddenFromOtherTenants(
  assert: Assert,
  client: WebClient,
  resource: { path: string; table: string },
  id: string,
  update: Record<string, string>
) {
  const { path, table } = resource
  for (const page of [`${path}/${id}`, `${path}/${id}/edit`, `${path}/${id}/archive`]) {
    assert.equal((await client.get(page)).status, 404, page)
  }
  await client.get(path)
  for (const action of ['archive', 'restore', 'actions/anything']) {
    const response = await client.request('POST', `${path}/${id}/${action}`, {})
    assert.equal(response.status, 404, `${path}/${id}/${action}`)
  }
  const updated = await client.request('POST', `${path}/${id}?_method=PUT`, update)
  assert.equal(updated.status, 404, `PUT ${path}/${id}`)
  assert.notInclude((await client.get(`${path}/export.csv`)).text, id)
  await client.get(path)
  await client.request('POST', `${path}/bulk`, { 'action': 'archive', 'ids[]': id })
  const row = await ownerDb().from(table).where('id', id).first()
  assert.isNull(row.archived_at, `${table} ${id} archived through another tenant`)
}

/** The id at the end of a redirect to a record's page. */
export const idOf = (response: { location: string | null }) => response.location!.split('/').pop()!
