/** webpack loader: the module's source is replaced by the file named in the `file` option. */
const { readFileSync } = require('node:fs')

module.exports = function replaceWith() {
  const { file } = this.getOptions()
  this.addDependency(file)
  return readFileSync(file, 'utf8')
}
