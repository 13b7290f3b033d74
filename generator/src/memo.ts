/**
 * A bounded memo for pure functions of a text: the planner asks the same question of the same
 * sentence many times over (counting, splitting, tagging, shortening). Past `limit` entries it
 * starts again, so memory stays bounded on any note and the answer never depends on what came
 * before (the same notes give the same bytes).
 */
export class Memo<K, V> {
  private readonly values = new Map<K, V>()

  constructor(private readonly limit: number) {}

  /** The value for `key`, worked out by `compute` the first time it is asked for. */
  get(key: K, compute: (key: K) => V): V {
    const hit = this.values.get(key)
    if (hit !== undefined || this.values.has(key)) return hit as V
    const value = compute(key)
    if (this.values.size >= this.limit) this.values.clear()
    this.values.set(key, value)
    return value
  }
}
