/**
 * How the statistics pages write numbers (pure; unit-tested with the chart options).
 * Rates come from the server as 0–1 with 4 decimals, null when there is no denominator
 * (docs/statistics.md 三、比率): shown as a percentage with one decimal, or “—”.
 */

/** 0.8571 → "85.7%", 1 → "100%", null → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—'
  const tenths = Math.round(rate * 1000)
  return tenths % 10 === 0 ? `${tenths / 10}%` : `${(tenths / 10).toFixed(1)}%`
}

/** A rate as a percentage number for a chart axis (85.7), null when there is none. */
export function ratePercent(rate: number | null | undefined): number | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null
  return Math.round(rate * 1000) / 10
}

/** 1.5 → "1.5天", 2 → "2天", null → "—". */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return '—'
  return `${Math.round(days * 100) / 100}天`
}

/** A count as the tables show it: 1234 → "1234" (no separators: the figures are read aloud). */
export function formatCount(n: number): string {
  return String(n)
}

/** A share of a whole ("30.3%"), "—" without a whole. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? formatRate(Math.round((part / whole) * 10000) / 10000) : '—'
}

/** 修武县交通运输局 → 交通运输局 (the county is in the page title; long names crowd a chart axis). */
export function shortDepartmentName(name: string): string {
  const m = /^.{1,6}?[县市区](?=.{2,})/.exec(name)
  return m ? name.slice(m[0].length) : name
}

/** An ISO instant in Beijing time: "2026年1月5日 10:20". */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const d = new Date(t + 8 * 3600 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}
