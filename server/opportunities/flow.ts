// Exact maximum-weight assignment of pupils (one place each at most) to opportunities (capacities):
// a min-cost flow solved by successive shortest paths, one pupil inserted at a time. Pure and numeric.
//
// The residual graph is kept at the level of opportunities, which are few (hundreds) where pupils are
// many (thousands): the edge a → b costs the cheapest way to move one pupil now in a into b, i.e. the
// minimum over pupils q in a of w(q, a) − w(q, b). A pupil's only way into the residual graph is the
// edge from its own opportunity, so these minima give exactly the shortest paths of the full pupil ×
// opportunity graph. A node D ("no place") with room for everyone and w(q, D) = 0 lets a pupil be
// displaced when that is better. Inserting pupil p: Dijkstra from p over the opportunities (reduced
// costs are non-negative under node potentials), stopping at the first node with room; p takes the first
// node on that path and each pupil on it moves one node on. This is the Hungarian method's augmentation
// step (Jonker–Volgenant): after every insertion the assignment is optimal for the pupils inserted so
// far, whatever their order, so the final one is optimal for all. All costs are integers, so the
// arithmetic (doubles, exact below 2^53) is exact.

export interface AssignmentProblem {
  pupils: number
  opportunities: number
  /** pupils × opportunities, row by pupil: the fit (≥ 0), or −1 when the pupil may not take it */
  fit: Int32Array
  /** per pupil, added to every fit of theirs: their need priority (match.ts makes it dominate any sum of fits) */
  weight: Float64Array
  /** places left per opportunity */
  capacity: Int32Array
  /** the order pupils are inserted in (any order gives an optimum; ties are broken by it) */
  order: Int32Array
}

/** Maximises Σ weight[p] + fit[p][o] over the pupils placed. Returns each pupil's opportunity index, or −1. */
export function solveAssignment(problem: AssignmentProblem): Int32Array {
  const { pupils: n, opportunities: m, fit, weight, capacity, order } = problem
  const D = m
  const width = m + 1
  const at = new Int32Array(n).fill(-1)
  const members: number[][] = Array.from({ length: m }, () => [])
  // cost[a * width + b]: cheapest move of one pupil from a to b; via[…]: that pupil (−1: no edge)
  const cost = new Float64Array(m * width).fill(Infinity)
  const via = new Int32Array(m * width).fill(-1)
  const potential = new Float64Array(width)
  const dist = new Float64Array(width)
  const prev = new Int32Array(width)
  const done = new Uint8Array(width)

  // Offers pupil q (now in a) as the way out of a, in every column or only in column `only`.
  const offer = (a: number, q: number, only = -1) => {
    const row = a * width
    const fits = q * m
    const own = fit[fits + a]!
    const from = only < 0 ? 0 : only
    const to = only < 0 ? m : Math.min(only + 1, m)
    for (let b = from; b < to; b++) {
      const f = fit[fits + b]!
      if (b === a || f < 0) continue
      const c = own - f
      const i = row + b
      if (c < cost[i]! || (c === cost[i] && q < via[i]!)) {
        cost[i] = c
        via[i] = q
      }
    }
    if (only < 0 || only === D) {
      const c = weight[q]! + own
      const i = row + D
      if (c < cost[i]! || (c === cost[i] && q < via[i]!)) {
        cost[i] = c
        via[i] = q
      }
    }
  }
  // q has left a: only the columns q was the cheapest way out for need looking at again.
  const forget = (a: number, q: number) => {
    const row = a * width
    for (let b = 0; b < width; b++) {
      if (via[row + b] !== q) continue
      cost[row + b] = Infinity
      via[row + b] = -1
      for (const r of members[a]!) offer(a, r, b)
    }
  }

  for (let k = 0; k < n; k++) {
    const p = order[k]!
    dist.fill(Infinity)
    prev.fill(-1)
    done.fill(0)
    for (let o = 0; o < m; o++) {
      const f = fit[p * m + o]!
      if (f >= 0) dist[o] = -(weight[p]! + f) - potential[o]!
    }
    dist[D] = -potential[D]!
    let target = -1
    const popped: number[] = []
    // the nearest node not yet done (D is always reachable, so there is one)
    let u = 0
    for (let v = 1; v < width; v++) if (dist[v]! < dist[u]!) u = v
    for (;;) {
      // a node with room ends the search
      if (u === D || members[u]!.length < capacity[u]!) {
        target = u
        break
      }
      done[u] = 1
      popped.push(u)
      const row = u * width
      const base = dist[u]! + potential[u]!
      let next = -1
      for (let v = 0; v < width; v++) {
        if (done[v]) continue
        if (via[row + v]! >= 0) {
          const d = base + cost[row + v]! - potential[v]!
          if (d < dist[v]!) {
            dist[v] = d
            prev[v] = u
          }
        }
        if (next < 0 || dist[v]! < dist[next]!) next = v
      }
      u = next
    }
    for (const v of popped) potential[v]! += dist[v]! - dist[target]!

    // Walk back from the target: each node on the path passes one pupil on to the next.
    let v = target
    while (prev[v]! >= 0) {
      const from = prev[v]!
      const q = via[from * width + v]!
      moveOut(from, q)
      moveIn(v, q)
      v = from
    }
    moveIn(v, p)
  }
  return at

  function moveOut(a: number, q: number) {
    const list = members[a]!
    list.splice(list.indexOf(q), 1)
    forget(a, q)
  }
  function moveIn(b: number, q: number) {
    at[q] = b === D ? -1 : b
    if (b === D) return
    members[b]!.push(q)
    offer(b, q)
  }
}
