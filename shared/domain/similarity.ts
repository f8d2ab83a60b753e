/**
 * Chinese text similarity for “similar open items” (有人反映过类似问题吗？): character bigrams of
 * the normalised text, compared with the Dice coefficient. No dictionary, no segmentation: good
 * enough to bring 「台创园区路面损毁严重」 and 「台创园区的路坏了」 together, and cheap enough to
 * run over a station's open items on every submission.
 */

/**
 * NFKC (full-width letters, digits and punctuation → half-width), lower case, and every run of
 * punctuation, symbols or whitespace → a single space (segment boundary).
 */
export function normalizeText(text: string): string {
  return String(text ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s]+/gu, ' ')
    .trim()
}

/**
 * The set of character bigrams of the text, taken inside each segment (never across a comma).
 * A one-character segment contributes itself, so very short texts still compare.
 */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>()
  for (const segment of normalizeText(text).split(' ')) {
    const chars = Array.from(segment)
    if (chars.length === 1) out.add(chars[0])
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1])
  }
  return out
}

function intersectionSize(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const x of small) if (large.has(x)) n++
  return n
}

/** 2|A∩B| / (|A|+|B|), 0 when both are empty. */
export function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const total = a.size + b.size
  return total === 0 ? 0 : (2 * intersectionSize(a, b)) / total
}

/** |A∩B| / |A∪B|, 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const common = intersectionSize(a, b)
  const union = a.size + b.size - common
  return union === 0 ? 0 : common / union
}

/** Similarity of two texts, 0..1 (Dice over character bigrams). */
export function textSimilarity(a: string, b: string): number {
  return dice(bigrams(a), bigrams(b))
}

export const DEFAULT_SIMILARITY_THRESHOLD = 0.25
export const DEFAULT_SIMILARITY_LIMIT = 5

export interface RankOptions {
  /** Minimum score to be listed (inclusive). Default 0.25. */
  threshold?: number
  /** At most this many results. Default 5. */
  limit?: number
}

export type Ranked<T> = T & { score: number }

/**
 * Candidates at or above the threshold, best first (ties keep the candidates' order), at most
 * `limit`. Scores are rounded to 3 decimals for display and stable comparison.
 */
export function rankSimilar<T extends { id: string; text: string }>(
  text: string,
  candidates: readonly T[],
  { threshold = DEFAULT_SIMILARITY_THRESHOLD, limit = DEFAULT_SIMILARITY_LIMIT }: RankOptions = {},
): Ranked<T>[] {
  const query = bigrams(text)
  if (query.size === 0 || limit <= 0) return []
  return candidates
    .map((c, index) => ({ c, index, score: Math.round(dice(query, bigrams(c.text)) * 1000) / 1000 }))
    .filter((r) => r.score > 0 && r.score >= threshold)
    .sort((x, y) => y.score - x.score || x.index - y.index)
    .slice(0, limit)
    .map((r) => ({ ...r.c, score: r.score }))
}
