/**
 * Records kept in ascending id order: a Map for lookups and a sorted id array for walking, so a page
 * starts at a binary search for the last id seen and reads only as far as it needs. Ids of one store
 * share a prefix and width (ids.ts), so string order is creation order.
 */
export class OrderedStore<T extends { id: string }> {
  private readonly byId = new Map<string, T>();
  private readonly order: string[] = [];

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
    if (last === undefined || last < record.id) this.order.push(record.id);
    else this.order.splice(this.firstAfter(record.id), 0, record.id);
  }

  delete(id: string): boolean {
    if (!this.byId.delete(id)) return false;
    const at = this.firstAfter(id) - 1;
    this.order.splice(at, 1);
    return true;
  }

  /** Index of the first id greater than `id` (binary search). */
  private firstAfter(id: string): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.order[mid]! <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Records in id order, starting after `afterId` (from the start when undefined). */
  *from(afterId?: string): IterableIterator<T> {
    for (let i = afterId === undefined ? 0 : this.firstAfter(afterId); i < this.order.length; i++) {
      const record = this.byId.get(this.order[i]!);
      if (record !== undefined) yield record;
    }
  }

  values(): IterableIterator<T> {
    return this.from();
  }
}
