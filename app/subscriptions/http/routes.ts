export default function subscriptionsRoutes() {}
