import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'session.store': { paramsTuple?: []; params?: {} }
    'session.endSeat': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.sendResetLink': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'password.storeReset': { paramsTuple?: []; params?: {} }
    'preferences.locale': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'password.update': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'seats.end': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.bulk': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.store': { paramsTuple?: []; params?: {} }
    'customers.bulk': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.store': { paramsTuple?: []; params?: {} }
    'customer_appliances.bulk': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.store': { paramsTuple?: []; params?: {} }
    'product_models.bulk': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.store': { paramsTuple?: []; params?: {} }
    'brands.bulk': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.store': { paramsTuple?: []; params?: {} }
    'manufacturers.bulk': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.store': { paramsTuple?: []; params?: {} }
    'suppliers.bulk': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.store': { paramsTuple?: []; params?: {} }
    'tenants.bulk': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
  }
  GET: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'health.live': { paramsTuple?: []; params?: {} }
    'health.ready': { paramsTuple?: []; params?: {} }
    'session.create': { paramsTuple?: []; params?: {} }
    'password.forgot': { paramsTuple?: []; params?: {} }
    'password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'home': { paramsTuple?: []; params?: {} }
    'password.edit': { paramsTuple?: []; params?: {} }
    'seats.index': { paramsTuple?: []; params?: {} }
    'staff.index': { paramsTuple?: []; params?: {} }
    'staff.export': { paramsTuple?: []; params?: {} }
    'staff.create': { paramsTuple?: []; params?: {} }
    'staff.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'dev.mails': { paramsTuple?: []; params?: {} }
    'dev.styleGuide': { paramsTuple?: []; params?: {} }
    'search.index': { paramsTuple?: []; params?: {} }
    'customers.personalData': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.index': { paramsTuple?: []; params?: {} }
    'customers.export': { paramsTuple?: []; params?: {} }
    'customers.create': { paramsTuple?: []; params?: {} }
    'customers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.index': { paramsTuple?: []; params?: {} }
    'customer_appliances.export': { paramsTuple?: []; params?: {} }
    'customer_appliances.create': { paramsTuple?: []; params?: {} }
    'customer_appliances.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.index': { paramsTuple?: []; params?: {} }
    'product_models.export': { paramsTuple?: []; params?: {} }
    'product_models.create': { paramsTuple?: []; params?: {} }
    'product_models.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.index': { paramsTuple?: []; params?: {} }
    'brands.export': { paramsTuple?: []; params?: {} }
    'brands.create': { paramsTuple?: []; params?: {} }
    'brands.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.index': { paramsTuple?: []; params?: {} }
    'manufacturers.export': { paramsTuple?: []; params?: {} }
    'manufacturers.create': { paramsTuple?: []; params?: {} }
    'manufacturers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.index': { paramsTuple?: []; params?: {} }
    'suppliers.export': { paramsTuple?: []; params?: {} }
    'suppliers.create': { paramsTuple?: []; params?: {} }
    'suppliers.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.index': { paramsTuple?: []; params?: {} }
    'tenants.export': { paramsTuple?: []; params?: {} }
    'tenants.create': { paramsTuple?: []; params?: {} }
    'tenants.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.confirmArchive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'session.store': { paramsTuple?: []; params?: {} }
    'session.endSeat': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'password.sendResetLink': { paramsTuple?: []; params?: {} }
    'password.storeReset': { paramsTuple?: []; params?: {} }
    'preferences.locale': { paramsTuple?: []; params?: {} }
    'session.destroy': { paramsTuple?: []; params?: {} }
    'seats.end': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.store': { paramsTuple?: []; params?: {} }
    'staff.bulk': { paramsTuple?: []; params?: {} }
    'staff.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'staff.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customers.store': { paramsTuple?: []; params?: {} }
    'customers.bulk': { paramsTuple?: []; params?: {} }
    'customers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'customer_appliances.store': { paramsTuple?: []; params?: {} }
    'customer_appliances.bulk': { paramsTuple?: []; params?: {} }
    'customer_appliances.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'product_models.store': { paramsTuple?: []; params?: {} }
    'product_models.bulk': { paramsTuple?: []; params?: {} }
    'product_models.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'brands.store': { paramsTuple?: []; params?: {} }
    'brands.bulk': { paramsTuple?: []; params?: {} }
    'brands.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'manufacturers.store': { paramsTuple?: []; params?: {} }
    'manufacturers.bulk': { paramsTuple?: []; params?: {} }
    'manufacturers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'suppliers.store': { paramsTuple?: []; params?: {} }
    'suppliers.bulk': { paramsTuple?: []; params?: {} }
    'suppliers.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
    'tenants.store': { paramsTuple?: []; params?: {} }
    'tenants.bulk': { paramsTuple?: []; params?: {} }
    'tenants.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.restore': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.action': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'action': ParamValue} }
  }
  PUT: {
    'password.update': { paramsTuple?: []; params?: {} }
    'staff.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'customer_appliances.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'product_models.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'brands.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'manufacturers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'suppliers.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'tenants.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}