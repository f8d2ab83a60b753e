/**
 * webpack loader (mini-program and H5 builds): replaces zod's JSON Schema generator modules with
 * stubs of the same shape. Classic zod wires JSON Schema generation into every schema
 * (`schema.toJSONSchema()`, `~standard.jsonSchema`), so it is bundled even though the app never
 * generates JSON Schema: ≈ 18 KB of the main package. The stub exports the same names, read from
 * the real module, so the rest of zod links unchanged; calling any of them throws.
 *
 * Applied to: zod/v4/core/{json-schema-processors,to-json-schema,json-schema-generator}.js
 * (config/index.ts, zodWithoutJsonSchema). Server code (cloudfunctions, scripts) is not affected.
 */
const MESSAGE = 'JSON Schema generation is not bundled in the mini-program (miniprogram/config/zod-json-schema-stub-loader.js)'

function exportsOf(source) {
  const names = new Map() // exported name → kind
  for (const m of source.matchAll(/^export\s+(?:async\s+)?(function\*?|const|let|var|class)\s+([A-Za-z_$][\w$]*)/gm)) names.set(m[2], m[1])
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}\s*(?:from\s*["'][^"']+["'])?\s*;?/gm)) {
    for (const part of m[1].split(',')) {
      const [local, exported] = part.trim().split(/\s+as\s+/)
      if (local) names.set((exported || local).trim(), 'function')
    }
  }
  return names
}

module.exports = function zodJsonSchemaStub(source) {
  const names = exportsOf(String(source))
  const lines = [`const unavailable = () => { throw new Error(${JSON.stringify(MESSAGE)}) };`]
  for (const [name, kind] of names) {
    if (kind === 'class') lines.push(`export class ${name} { constructor() { unavailable() } }`)
    // method factories run when a schema is created or read: they must hand back a method
    else if (/^create\w*Method$/.test(name)) lines.push(`export const ${name} = () => unavailable;`)
    // read by derived getters such as schema.minLength: nothing known
    else if (name === 'aggregateChecks') lines.push(`export const ${name} = () => ({});`)
    else if (name === 'allProcessors') lines.push(`export const ${name} = {};`)
    else lines.push(`export const ${name} = unavailable;`)
  }
  return lines.join('\n')
}
module.exports.exportsOf = exportsOf
