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

