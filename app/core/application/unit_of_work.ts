/**
 * One transaction around a use case that writes through several ports (a job opened with a new
 * customer and appliance): every repository called inside `run` joins it, so it all commits or
 * nothing does. A failed `Result` returned by the work rolls it back too: a refusal found halfway
 * (the appliance is someone else's) must not leave the customer registered before it.
 */
export abstract class UnitOfWork {
  abstract run<T>(tenantId: string, work: () => Promise<T>): Promise<T>
}
