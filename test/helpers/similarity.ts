/**
 * Word-level similarity of two texts: the Sørensen–Dice coefficient over word multisets,
 * 2·|A ∩ B| / (|A| + |B|), words being runs of letters and digits, lower-cased (extraction
 * leftovers such as `**`, `<b>` and `#` are not words).
 */
export function words(text: string): string[] {
  return (
    text
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

export function similarity(a: string, b: string): number {
  const count = (ws: string[]) => {
    const m = new Map<string, number>();
    for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  const ca = count(wa);
  const cb = count(wb);
  let common = 0;
  for (const [w, n] of ca) common += Math.min(n, cb.get(w) ?? 0);
  return (2 * common) / (wa.length + wb.length);
}


/**
 * Order-aware similarity, as Python's `difflib.SequenceMatcher(None, a, b, autojunk=False)
 * .ratio()` computes it over the word sequences: 2·M / T, M the words of the matching blocks
 * (the longest common block, then recursively the longest blocks left and right of it), T the
 * words of both. A word moved elsewhere counts as missing here, unlike `similarity`.
 */
export function sequenceSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.length + wb.length === 0) return 1;
  return (2 * matchingWords(wa, wb)) / (wa.length + wb.length);
}

/** The number of words in difflib's matching blocks of two word sequences. */
export function matchingWords(a: readonly string[], b: readonly string[]): number {
  const b2j = new Map<string, number[]>();
  for (const [j, w] of b.entries()) {
    const list = b2j.get(w);
    if (list) list.push(j);
    else b2j.set(w, [j]);
  }
  // difflib's find_longest_match: the longest block a[i..i+k) == b[j..j+k) in the ranges,
  // earliest in a, then earliest in b, on ties.
  const longest = (alo: number, ahi: number, blo: number, bhi: number): [number, number, number] => {
    let bi = alo;
    let bj = blo;
    let bk = 0;
    let len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of b2j.get(a[i]!) ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bk) ((bi = i - k + 1), (bj = j - k + 1), (bk = k));
      }
      len = next;
    }
    return [bi, bj, bk];
  };
  let matched = 0;
  const queue: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop()!;
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k === 0) continue;
    matched += k;
    if (alo < i && blo < j) queue.push([alo, i, blo, j]);
    if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
  }
  return matched;
}
