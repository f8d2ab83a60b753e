/**
 * zod's default error messages for the app bundles, in Chinese and short (config/index.ts swaps
 * it in for zod/v4/locales/en.js, 2.7 KB of English in the main package). The shared schemas
 * carry their own Chinese messages for everything people usually see; this covers the rest.
 */
const SIZES = { string: '个字', array: '项', set: '项', file: '字节' }

function localeError(issue) {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '请填写此项' : '填写的内容类型不对'
    case 'too_small': {
      const unit = SIZES[issue.origin]
      if (unit) return Number(issue.minimum) <= 1 ? '请填写此项' : `至少需要${issue.minimum}${unit}`
      return `不能小于${issue.minimum}`
    }
    case 'too_big': {
      const unit = SIZES[issue.origin]
      return unit ? `不能超过${issue.maximum}${unit}` : `不能大于${issue.maximum}`
    }
    case 'invalid_format':
      return '格式不正确'
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '请选择正确的选项'
    case 'not_multiple_of':
      return '数值不正确'
    case 'unrecognized_keys':
      return '包含无法识别的内容'
    default:
      return '填写的内容不符合要求'
  }
}

export default function () {
  return { localeError }
}
