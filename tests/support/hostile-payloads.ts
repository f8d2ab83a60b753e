/**
 * fast-check arbitraries of hostile payloads, derived from an action's zod input schema (through
 * its JSON Schema): mostly the right shape, filled with hostile strings and with known names and
 * ids where a field names one (so a share of the calls reach the use case), and sometimes the
 * wrong type, extra keys (`__proto__`, `constructor`…), huge strings or arrays, or deeply nested
 * values. Every payload goes through JSON, as it would over the wire.
 */
import fc from 'fast-check'
import { z } from 'zod'

type Json = {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  pattern?: string
  anyOf?: Json[]
  oneOf?: Json[]
  default?: unknown
}

export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u200B\u200C\u200D\uFEFF',
  '\u202E士女张\u202C',
  '\u0000',
  '\r\n\t',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE suggestions; --",
  '" OR 1=1 --',
  '${7*7}',
  '{{constructor.constructor("return process")()}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%E0%A4%A',
  '\uD800',
  '𠀀𠀁𠀂',
  '👨‍👩‍👧‍👦',
  'null',
  'undefined',
  'NaN',
  '1e309',
  '$where',
  '{"$gt":""}',
  'a'.repeat(5000),
  '张'.repeat(3000),
]

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '$where', '$set', 'openid', 'actor', 'bindings', 'role', 'isAdmin']

/** Values a field of this name usually takes: known ids, codes, dates. */
export interface Pools {
  byName: Record<string, readonly unknown[]>
}

const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
)

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  hostileString,
)

const HUGE = 200_000

/** A value nested `depth` arrays deep: deep enough to trouble a recursive walker, cheap to build. */
const deep = (depth: number): unknown => {
  let v: unknown = 'bottom'
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v }
  return v
}

const surprise: fc.Arbitrary<unknown> = fc.oneof(
  wrongType,
  fc.constant('x'.repeat(HUGE)),
  fc.constant(Array.from({ length: 2000 }, (_, i) => `item-${i}`)),
  fc.integer({ min: 50, max: 400 }).map(deep),
)

function stringFor(s: Json, pool: readonly unknown[] | undefined): fc.Arbitrary<unknown> {
  const options: Array<fc.WeightedArbitrary<unknown>> = [{ weight: 2, arbitrary: hostileString }]
  if (pool?.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...pool) })
  if (s.pattern) {
    try {
      options.push({ weight: pool?.length ? 2 : 6, arbitrary: fc.stringMatching(new RegExp(s.pattern)) })
    } catch {
      // a pattern fast-check cannot invert: the other options remain
    }
  }
  if (!s.pattern && !pool?.length) {
    const max = Math.min(s.maxLength ?? 60, 60)
    options.push({ weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: Math.min(s.minLength ?? 0, max), maxLength: max }) })
    options.push({ weight: 4, arbitrary: fc.constantFrom('路灯坏了三个多月', '台创园区路面损毁严重，雨雪天气存在安全隐患', '张女士', '已联系交通局，下周修补') })
  }
  return fc.oneof(...options)
}

function arbitraryOf(s: Json, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  const pool = Object.prototype.hasOwnProperty.call(pools.byName, name) ? pools.byName[name] : undefined
  const shaped = shapeOf(s, name, pools, depth, pool)
  // Mostly the right shape; now and then anything at all.
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: surprise })
}

function shapeOf(s: Json, name: string, pools: Pools, depth: number, pool: readonly unknown[] | undefined): fc.Arbitrary<unknown> {
  if (depth > 6) return wrongType
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: hostileString })
  const union = s.anyOf ?? s.oneOf
  if (union) return fc.oneof(...union.map((u) => shapeOf(u, name, pools, depth + 1, pool)))
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (type) {
    case 'object':
      return objectOf(s, pools, depth)
    case 'array': {
      const max = Math.min(s.maxItems ?? 5, 5)
      return fc.array(s.items ? arbitraryOf(s.items, name, pools, depth + 1) : wrongType, { minLength: Math.min(s.minItems ?? 0, max), maxLength: max })
    }
    case 'string':
      return stringFor(s, pool)
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? -1000
      const hi = s.maximum ?? 1000
      const inRange = type === 'integer' ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true })
      const valid = pool?.length ? fc.oneof(fc.constantFrom(...pool), inRange) : inRange
      return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: fc.constantFrom(lo - 1, hi + 1, 0, -1, 1.5, 2 ** 53, -(2 ** 53), 1e308, -0) })
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return pool?.length ? fc.constantFrom(...pool) : wrongType
  }
}

function objectOf(s: Json, pools: Pools, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {}
  const required = new Set(s.required ?? [])
  const entries = Object.entries(props).map(([key, schema]) => {
    const value = arbitraryOf(schema, key, pools, depth + 1)
    // required fields are nearly always there; optional ones half the time
    const presence = required.has(key) ? fc.integer({ min: 0, max: 19 }).map((n) => n > 0) : fc.boolean()
    return fc.tuple(fc.constant(key), presence, value)
  })
  const extras = fc.array(fc.tuple(fc.constantFrom(...HOSTILE_KEYS), wrongType), { maxLength: 2 })
  return fc.tuple(fc.tuple(...entries), fc.integer({ min: 0, max: 5 }), extras).map(([fields, extraChance, extra]) => {
    const out: Record<string, unknown> = {}
    for (const [key, present, value] of fields) if (present) out[key] = value
    // defineProperty: an own `__proto__` key, as JSON.parse makes it, not a prototype change
    if (extraChance === 0) for (const [key, value] of extra) Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true })
    return out
  })
}

/** Hostile payloads for one action's input schema. */
export function hostilePayload(input: z.ZodTypeAny, pools: Pools): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Json
  const shaped = arbitraryOf(json, '', pools, 0)
  return fc.oneof({ weight: 20, arbitrary: shaped }, { weight: 1, arbitrary: fc.constant(undefined) }).map((v) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v))))
}
