/**
 * 县级设置 → 从Excel导入: the county's stations, deputies and departments from an .xlsx the admin
 * filled in from the template. Actions of the `directory` function, admin of their own county only.
 *
 * | action          | who            | what                                                                      |
 * |-----------------|----------------|---------------------------------------------------------------------------|
 * | importTemplate  | 管理员（本县） | the template of one kind (Chinese headers, an example row, 填写说明)     |
 * | importPreview   | 管理员（本县） | a dry run: every row new / changed / unchanged / error; writes nothing    |
 * | importApply     | 管理员（本县） | the same file (its digest) applied, only when the preview had no error    |
 *
 * The 编号 column is required: an import is idempotent by code (the same file twice: all unchanged).
 */
import { z } from 'zod'
import { fieldChange } from './directory-admin'

export const IMPORT_KINDS = ['station', 'deputy', 'department'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { station: '站点', deputy: '代表', department: '承办单位' }

/** The largest file: 2 MB. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024
/** Its base64 (4 characters per 3 bytes, padded). */
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4
/** Data rows of one file, not counting the header. */
export const IMPORT_MAX_ROWS = 5000

const kind = z.enum(IMPORT_KINDS, { error: '请选择导入的类别（站点、代表或承办单位）' })
const fileBase64 = z
  .string({ error: '请选择要导入的文件' })
  .min(1, { message: '请选择要导入的文件' })
  .max(IMPORT_MAX_BASE64, { message: '文件不能超过2 MB' })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: '文件内容不正确，请重新选择' })

export const xlsxFile = z.object({ filename: z.string(), contentType: z.string(), base64: z.string() })

export const importRowError = z.object({
  /** The header of the column (编号, 乡镇（街道）…); 整行 for a row-wide problem. */
  column: z.string(),
  /** A1-style cell, e.g. D7. */
  cell: z.string(),
  message: z.string(),
})

export const importRow = z.object({
  /** The worksheet row number (the header is row 1). */
  row: z.number().int(),
  code: z.string(),
  name: z.string(),
  status: z.enum(['new', 'changed', 'unchanged', 'error']),
  changes: z.array(fieldChange).optional(),
  errors: z.array(importRowError).optional(),
})
export type ImportRow = z.infer<typeof importRow>

export const importCounts = z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), error: z.number().int() })
export type ImportCounts = z.infer<typeof importCounts>

export const importPreviewView = z.object({
  kind,
  /** sha256 of the file's bytes (hex): importApply must name it. */
  digest: z.string(),
  rows: z.array(importRow),
  counts: importCounts,
})
export type ImportPreviewView = z.infer<typeof importPreviewView>

export const directoryImportActions = {
  importTemplate: { input: z.object({ kind }), output: xlsxFile },
  importPreview: { input: z.object({ kind, fileBase64 }), output: importPreviewView },
  importApply: {
    input: z.object({ kind, fileBase64, digest: z.string({ error: '请先预览再导入' }).regex(/^[0-9a-f]{64}$/, { message: '请先预览再导入' }) }),
    output: z.object({ counts: importCounts, historyEntries: z.number().int() }),
  },
} as const
