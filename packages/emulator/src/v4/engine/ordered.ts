/**
 * Records kept in ascending id order: a Map for lookups and a sorted id array for walking, so a page
 * starts at a binary search for the last id seen and reads only as far as it needs. Ids of one store
 * share a prefix and width (ids.ts), so string order is creation order.
 */
export class OrderedStore<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  /** The records themselves in id order, so a walk reads the array and looks nothing up. */
  private readonly order: T[] = [];

  get size(): number {
    return this.order.length;
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Adds a record; ids normally grow, so this appends, but an older id (a restore) is put in its place. */
  add(record: T): void {
    if (this.byId.has(record.id)) throw new Error(`duplicate id ${record.id}`);
    this.byId.set(record.id, record);
    const last = this.order[this.order.length - 1];
    if (last === undefined || last.id < record.id) this.order.push(record);
    else this.order.splice(this.firstAfter(record.id), 0, record);
  }

  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    this.order.splice(this.firstAfter(id) - 1, 1);
    return true;
  }

  /** Index of the first record whose id is greater than `id` (binary search). */
  private firstAfter(id: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid]!.id <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Visits records in id order after `afterId` (from the start when undefined) until `visit` returns false. */
  scan(afterId: string | undefined, visit: (record: T) => boolean): void {
    const { order } = this;
    for (let i = afterId === undefined ? 0 : this.firstAfter(afterId); i < order.length; i++) if (!visit(order[i]!)) return;
  }

  /** Every record in id order (a copy, so the caller may change the store meanwhile). */
  values(): IterableIterator<T> {
    return [...this.order].values();
  }
}
