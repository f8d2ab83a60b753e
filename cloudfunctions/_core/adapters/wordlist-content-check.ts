import type { ContentCheck, ContentVerdict } from '../ports'

/**
 * Local and self-hosted content check: a configurable word list. Words under `risky` refuse the
 * text; words under `review` accept it but hold it for a human. Matching ignores spaces and case,
 * so 「赌 博」 still matches 「赌博」.
 */
export interface WordLists {
  risky: string[]
  review: string[]
}

export const DEFAULT_WORD_LISTS: WordLists = {
  risky: ['赌博网站', '代开发票', '枪支出售', '毒品交易'],
  review: ['上访', '集体维权'],
}

function normalise(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase()
}

export function createWordListContentCheck(lists: WordLists = DEFAULT_WORD_LISTS): ContentCheck {
  const risky = lists.risky.map(normalise).filter(Boolean)
  const review = lists.review.map(normalise).filter(Boolean)
  return {
    async checkText(text: string): Promise<ContentVerdict> {
      const t = normalise(text)
      if (risky.some((w) => t.includes(w))) return 'risky'
      if (review.some((w) => t.includes(w))) return 'review'
      return 'pass'
    },
  }
}
